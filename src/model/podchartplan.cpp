// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/podchartplan.h"

#include <QCoreApplication>
#include <algorithm>

namespace Specula::Model {
namespace {

using Prom::Metric;

QString gpuName(const Prom::MetricKey &key)
{
    QString name = key.gpuIndex ? QStringLiteral("GPU %1").arg(*key.gpuIndex)
                                : (key.uuid.size() > 12 ? key.uuid.left(12) + QStringLiteral("…") : key.uuid);
    if (key.migInstance) {
        name += QStringLiteral(" MIG %1").arg(*key.migInstance);
        if (!key.migProfile.isEmpty())
            name += QStringLiteral(" (%1)").arg(key.migProfile);
    }
    return name;
}

QString direction(Metric metric)
{
    return metric == Metric::PodNetRx || metric == Metric::VfRx ? QStringLiteral("rx") : QStringLiteral("tx");
}

QString lineName(Metric metric, const Prom::MetricKey &key, const QHash<QString, QString> &vfInterfaces)
{
    switch (metric) {
    case Metric::GpuUtil:
    case Metric::GpuMemUsed:
    case Metric::GpuPower:
        return gpuName(key);
    case Metric::PodPower:
        return PodChartPlan::tr("pod");
    case Metric::PodNetRx:
    case Metric::PodNetTx: {
        const QString vf = key.interface.isEmpty() ? QString() : vfInterfaces.key(key.interface);
        const QString interface = key.interface.isEmpty() ? PodChartPlan::tr("all interfaces") : key.interface;
        return vf.isEmpty() ? interface + QLatin1Char(' ') + direction(metric)
                            : QStringLiteral("%1 (VF %2) %3").arg(interface, vf, direction(metric));
    }
    case Metric::VfRx:
    case Metric::VfTx: {
        const QString interface = vfInterfaces.value(key.pciAddress);
        return interface.isEmpty() ? QStringLiteral("VF %1 %2").arg(key.pciAddress, direction(metric))
                                   : QStringLiteral("VF %1 %2 %3").arg(key.pciAddress, interface, direction(metric));
    }
    default:
        return PodChartPlan::tr("pod");
    }
}

// The series of one metric renamed for a legend; two series that would read the same (two
// containers' views of one GPU) get the container, or a number, added.
Prom::SeriesStore renamed(const PodSeries &series, const Prom::MetricCatalogue &catalogue,
                          const QHash<QString, QString> &vfInterfaces)
{
    Prom::SeriesStore out(series.store.axis());
    for (const int id : series.store.idsInLabelOrder()) {
        const Prom::MetricKey key = catalogue.keyOf(series.metric, series.store.labels(id));
        QString name = lineName(series.metric, key, vfInterfaces);
        Prom::Labels labels { { PodChartPlan::nameLabel, name } };
        if (out.find(labels) >= 0 && !key.container.isEmpty())
            labels[PodChartPlan::nameLabel] = name = name + QStringLiteral(" · ") + key.container;
        for (int n = 2; out.find(labels) >= 0; ++n)
            labels[PodChartPlan::nameLabel] = QStringLiteral("%1 #%2").arg(name).arg(n);
        const int target = out.insert(labels);
        const auto values = series.store.values(id);
        std::copy(values.begin(), values.end(), out.mutableValues(target).begin());
    }
    return out;
}

} // namespace

const QString PodChartPlan::nameLabel = QStringLiteral("series");

QStringList PodChart::seriesNames() const
{
    QStringList names;
    for (const Prom::SeriesStore &store : stores) {
        for (const int id : store.idsInLabelOrder())
            names.append(PodChartPlan::nameOf(store.labels(id)));
    }
    return names;
}

QList<PodChart> PodChartPlan::build(const QList<PodSeries> &series, const Prom::MetricCatalogue &catalogue,
                                    const QHash<QString, QString> &vfInterfaces)
{
    struct Layout
    {
        QString title;
        QList<Metric> metrics;
    };
    const QList<Layout> layout = {
        { tr("CPU"), { Metric::PodCpu } },
        { tr("Memory"), { Metric::PodMemory } },
        { tr("GPU utilization"), { Metric::GpuUtil } },
        { tr("GPU memory used"), { Metric::GpuMemUsed } },
        { tr("Power"), { Metric::PodPower, Metric::GpuPower } },
        { tr("Energy"), { Metric::PodEnergy } },
        { tr("Network"), { Metric::PodNetRx, Metric::PodNetTx, Metric::VfRx, Metric::VfTx } },
    };
    QList<PodChart> charts;
    for (const Layout &entry : layout) {
        PodChart chart { entry.title, Prom::MetricCatalogue::unit(entry.metrics.first()), {} };
        for (const Metric metric : entry.metrics) {
            for (const PodSeries &one : series) {
                if (one.metric == metric && one.store.seriesCount() > 0)
                    chart.stores.append(renamed(one, catalogue, vfInterfaces));
            }
        }
        if (!chart.stores.isEmpty())
            charts.append(chart);
    }
    return charts;
}

QHash<QString, QString> PodChartPlan::vfInterfaces(const ClusterSnapshot &snapshot, const QString &podKey)
{
    QHash<QString, QString> out;
    for (const NodeSummary &node : snapshot.nodes) {
        if (!node.sriov)
            continue;
        for (const PhysicalFunction &pf : node.sriov->pfs) {
            for (const VirtualFunction &vf : pf.vfs) {
                if (vf.pod && vf.pod->key() == podKey)
                    out.insert(vf.pciAddress, vf.podInterface);
            }
        }
    }
    return out;
}

} // namespace Specula::Model
