// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/clustersnapshot.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Specula::Model {

// How a group's VFs stand: held by a pod, created but free, or possible on the NIC but not
// created (totalVfs − numVfs).
struct VfCounts
{
    int allocated = 0;
    int free = 0;
    int notCreated = 0;
    // PFs whose totalVfs the operator did not report: their "not created" share is unknown, so
    // total() is a lower bound.
    int pfsWithoutTotal = 0;

    int created() const { return allocated + free; }
    int total() const { return allocated + free + notCreated; }
    VfCounts &operator+=(const VfCounts &other);
    friend bool operator==(const VfCounts &, const VfCounts &) = default;
};

// One bar of the allocation graph: a node or a pool.
struct VfAllocationRow
{
    QString name;
    VfCounts counts;
    friend bool operator==(const VfAllocationRow &, const VfAllocationRow &) = default;
};

enum class VfGrouping { Node, Pool };

// The VF allocation of a cluster, per node or per resource pool. Only SR-IOV capable PFs count;
// a PF that no source gives a pool counts under noPool().
class VfAllocation
{
    Q_DECLARE_TR_FUNCTIONS(Specula::Model::VfAllocation)

public:
    static VfCounts countsOf(const PhysicalFunction &pf);
    // Sorted by name; nodes and pools without an SR-IOV capable PF are left out.
    static QList<VfAllocationRow> rows(const ClusterSnapshot &snapshot, VfGrouping grouping);
    static VfCounts total(const QList<VfAllocationRow> &rows);
    // The group of PFs without a pool: "(no pool)".
    static QString noPool();
    // "node" or "pool", as the command line spells the grouping.
    static QString groupingName(VfGrouping grouping);
};

} // namespace Specula::Model
