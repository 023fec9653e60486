// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/vftrafficplan.h"

#include "model/gpumetricsjoin.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace Specula::Model {
namespace {

using Prom::Metric;

QString tr(const char *text)
{
    return QCoreApplication::translate("Specula::Model::VfTrafficPlan", text);
}

const PhysicalFunction *pfOf(const ClusterSnapshot &snapshot, const QString &node, const QString &pfAddress)
{
    const NodeSummary *summary = snapshot.node(node);
    if (!summary || !summary->sriov)
        return nullptr;
    for (const PhysicalFunction &pf : summary->sriov->pfs) {
        if (pf.pciAddress == pfAddress)
            return &pf;
    }
    return nullptr;
}

// One VF's series: where its receive and transmit rows are (store index in `series`, id).
struct VfLines
{
    const VirtualFunction *vf = nullptr;
    std::pair<int, int> rx { -1, -1 };
    std::pair<int, int> tx { -1, -1 };
    double load = 0; // mean rx + mean tx, B/s

    bool hasSeries() const { return rx.first >= 0 || tx.first >= 0; }
};

double meanOf(const QList<PodSeries> &series, std::pair<int, int> at)
{
    if (at.first < 0)
        return 0;
    double sum = 0;
    int count = 0;
    for (const double value : series.at(at.first).store.values(at.second)) {
        if (std::isfinite(value)) {
            sum += value;
            ++count;
        }
    }
    return count > 0 ? sum / count : 0;
}

// A store with the VF's one line for `metric`: its values, or NaN where the exporter has none,
// so that both charts list the same VFs in the same order.
Prom::SeriesStore lineStore(const QList<PodSeries> &series, std::pair<int, int> at, const Prom::TimeAxis &axis,
                            const QString &name, const QString &direction)
{
    Prom::SeriesStore out(axis);
    const int id = out.insert({ { PodChartPlan::nameLabel, name }, { VfTrafficPlan::directionLabel, direction } });
    if (at.first >= 0) {
        const auto values = series.at(at.first).store.values(at.second);
        std::copy(values.begin(), values.end(), out.mutableValues(id).begin());
    }
    return out;
}

} // namespace

const QString VfTrafficPlan::directionLabel = QStringLiteral("direction");

std::optional<VfTrafficTarget> VfTrafficPlan::forVf(const ClusterSnapshot &snapshot, const QString &node,
                                                    const QString &pciAddress)
{
    const NodeSummary *summary = snapshot.node(node);
    if (!summary || !summary->sriov)
        return std::nullopt;
    for (const PhysicalFunction &pf : summary->sriov->pfs) {
        for (const VirtualFunction &vf : pf.vfs) {
            if (vf.pciAddress == pciAddress)
                return VfTrafficTarget { node, {}, {}, { vf } };
        }
    }
    return std::nullopt;
}

std::optional<VfTrafficTarget> VfTrafficPlan::forPf(const ClusterSnapshot &snapshot, const QString &node,
                                                    const QString &pfAddress)
{
    const PhysicalFunction *pf = pfOf(snapshot, node, pfAddress);
    if (!pf)
        return std::nullopt;
    return VfTrafficTarget { node, pf->name, pf->pciAddress, pf->vfs };
}

Prom::Scope VfTrafficPlan::scopeOf(const ClusterSnapshot &snapshot, const VfTrafficTarget &target)
{
    Prom::Scope scope;
    for (const VirtualFunction &vf : target.vfs)
        scope.vfAddresses.append(vf.pciAddress);
    scope.hosts = snapshot.hostsOf(target.node);
    return scope;
}

QString VfTrafficPlan::vfName(const VirtualFunction &vf)
{
    return vf.pod ? QStringLiteral("%1 (%2)").arg(vf.pciAddress, vf.pod->key()) : vf.pciAddress;
}

QString VfTrafficPlan::csvName(const Prom::Labels &labels)
{
    return PodChartPlan::nameOf(labels) + QLatin1Char(' ') + labels.value(directionLabel);
}

QString VfTrafficPlan::nodeOf(const Prom::MetricKey &key, const ClusterSnapshot &snapshot)
{
    if (const PodSummary *pod = key.pod.isEmpty() ? nullptr : snapshot.pod(key.podKey()); pod && !pod->node.isEmpty())
        return pod->node;
    const QString host = hostOfInstance(key.instance);
    if (snapshot.node(host))
        return host;
    return snapshot.nodeByAddress.value(host);
}

VfTraffic VfTrafficPlan::build(const QList<PodSeries> &series, const Prom::MetricCatalogue &catalogue,
                               const ClusterSnapshot &snapshot, const VfTrafficTarget &target, int maxLines)
{
    QList<VfLines> lines;
    QHash<QString, qsizetype> byAddress;
    for (const VirtualFunction &vf : target.vfs) {
        byAddress.insert(vf.pciAddress, lines.size());
        lines.append({ &vf });
    }
    Prom::TimeAxis axis;
    for (int s = 0; s < series.size(); ++s) {
        const PodSeries &one = series.at(s);
        if (one.metric != Metric::VfRx && one.metric != Metric::VfTx)
            continue;
        for (const int id : one.store.idsInLabelOrder()) {
            const Prom::MetricKey key = catalogue.keyOf(one.metric, one.store.labels(id));
            const auto line = byAddress.constFind(key.pciAddress);
            if (line == byAddress.cend() || nodeOf(key, snapshot) != target.node)
                continue;
            auto &slot = one.metric == Metric::VfRx ? lines[*line].rx : lines[*line].tx;
            if (slot.first < 0)
                slot = { s, id };
            axis = one.store.axis();
        }
    }
    lines.removeIf([](const VfLines &line) { return !line.hasSeries(); });
    for (VfLines &line : lines)
        line.load = meanOf(series, line.rx) + meanOf(series, line.tx);
    // Stable: equally busy VFs (free ones carry nothing) stay in VF id order.
    std::stable_sort(lines.begin(), lines.end(), [](const VfLines &a, const VfLines &b) { return a.load > b.load; });

    VfTraffic traffic;
    traffic.vfsWithSeries = int(lines.size());
    traffic.vfsShown = std::min(traffic.vfsWithSeries, std::max(1, maxLines));
    if (lines.isEmpty())
        return traffic;
    PodChart rx { tr("Receive"), Prom::MetricCatalogue::unit(Metric::VfRx), {} };
    PodChart tx { tr("Transmit"), Prom::MetricCatalogue::unit(Metric::VfTx), {} };
    for (int i = 0; i < traffic.vfsShown; ++i) {
        const QString name = vfName(*lines.at(i).vf);
        rx.stores.append(lineStore(series, lines.at(i).rx, axis, name, QStringLiteral("rx")));
        tx.stores.append(lineStore(series, lines.at(i).tx, axis, name, QStringLiteral("tx")));
    }
    traffic.charts = { rx, tx };
    return traffic;
}

} // namespace Specula::Model
