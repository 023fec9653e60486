// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/clustersnapshot.h"
#include "model/podchartplan.h"
#include "model/podseriesquery.h"

#include <optional>

namespace Specula::Model {

// The VFs whose traffic the SR-IOV page charts: one VF, or the VFs of one PF, on one node.
struct VfTrafficTarget
{
    QString node;
    QString pfName; // set when the target is a whole PF
    QString pfAddress;
    QList<VirtualFunction> vfs; // sorted by VF id

    bool isPf() const { return !pfAddress.isEmpty(); }
    friend bool operator==(const VfTrafficTarget &, const VfTrafficTarget &) = default;
};

// The charts of a target: receive and transmit, one line per VF in the same order, the busiest
// first (mean of receive plus transmit over the range); at most `maxLines` VFs.
struct VfTraffic
{
    QList<PodChart> charts; // empty when no VF of the target has a series
    int vfsWithSeries = 0; // of the target's VFs, those Prometheus has series for
    int vfsShown = 0;
};

// Which VFs a selection on the SR-IOV page stands for, and how their series from the SR-IOV
// metrics exporter (VfRx, VfTx) become two charts. A VF's series are recognised by their PCI
// address and node: the exporter has no node label, so the node is the holding pod's, else the
// node Prometheus' `instance` names (relabelled to the node name, or its InternalIP). Lines are
// called by PCI address and holder: "0000:3b:02.1 (team-a/dpdk-0)".
class VfTrafficPlan
{
public:
    // Lines per chart: a PF's busiest VFs; the rest are counted in VfTraffic::vfsWithSeries.
    static constexpr int kMaxLines = 8;
    // Every line's store has nameLabel (PodChartPlan::nameOf) and this one, "rx" or "tx".
    static const QString directionLabel;

    static std::optional<VfTrafficTarget> forVf(const ClusterSnapshot &snapshot, const QString &node,
                                                const QString &pciAddress);
    static std::optional<VfTrafficTarget> forPf(const ClusterSnapshot &snapshot, const QString &node,
                                                const QString &pfAddress);
    // The metrics to ask for, and the scope that narrows them to the target's VFs on its node's
    // exporter (its name and the addresses the snapshot knows for it).
    static QList<Prom::Metric> metrics() { return { Prom::Metric::VfRx, Prom::Metric::VfTx }; }
    static Prom::Scope scopeOf(const ClusterSnapshot &snapshot, const VfTrafficTarget &target);
    static QString vfName(const VirtualFunction &vf);

    static VfTraffic build(const QList<PodSeries> &series, const Prom::MetricCatalogue &catalogue,
                           const ClusterSnapshot &snapshot, const VfTrafficTarget &target, int maxLines = kMaxLines);
    // A CSV column's name: the line's name and its direction ("0000:3b:02.1 (team-a/dpdk-0) rx").
    static QString csvName(const Prom::Labels &labels);
    // The node a VF series is about; empty when nothing tells.
    static QString nodeOf(const Prom::MetricKey &key, const ClusterSnapshot &snapshot);
};

} // namespace Specula::Model
