// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/clustersnapshot.h"
#include "model/podseriesquery.h"

#include <QCoreApplication>
#include <QHash>

namespace Specula::Model {

// One chart of a pod: a title, the unit of its values (MetricCatalogue::unit) and its series.
// Every series of `stores` has one label, PodChartPlan::nameLabel, its legend text.
struct PodChart
{
    QString title;
    QString unit;
    QList<Prom::SeriesStore> stores;

    QStringList seriesNames() const;
};

// Which charts a pod's series make and what each line is called: CPU, memory, GPU utilization
// and GPU memory per GPU or MIG instance ("GPU 0", "GPU 1 MIG 3 (1g.10gb)"), power (the pod's
// and its GPUs'), energy, and network per interface, receive and transmit ("eth0 rx",
// "net1 (VF 0000:3b:02.1) tx"), with the SR-IOV exporter's per-VF traffic ("VF 0000:3b:02.1
// net1 rx"). Charts without series are left out; the order is fixed.
class PodChartPlan
{
    Q_DECLARE_TR_FUNCTIONS(Specula::Model::PodChartPlan)

public:
    static const QString nameLabel;

    // `vfInterfaces` maps the pod's VFs (normalised PCI address) to its interface names.
    static QList<PodChart> build(const QList<PodSeries> &series, const Prom::MetricCatalogue &catalogue,
                                 const QHash<QString, QString> &vfInterfaces = {});
    // The VFs a pod holds, by PCI address, with the interface network-status gives them
    // ("" when it names none).
    static QHash<QString, QString> vfInterfaces(const ClusterSnapshot &snapshot, const QString &podKey);
    // The legend text of a series of a PodChart store.
    static QString nameOf(const Prom::Labels &labels) { return labels.value(nameLabel); }
};

} // namespace Specula::Model
