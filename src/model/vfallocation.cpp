// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/vfallocation.h"

#include <QMap>
#include <algorithm>

namespace Specula::Model {

VfCounts &VfCounts::operator+=(const VfCounts &other)
{
    allocated += other.allocated;
    free += other.free;
    notCreated += other.notCreated;
    pfsWithoutTotal += other.pfsWithoutTotal;
    return *this;
}

VfCounts VfAllocation::countsOf(const PhysicalFunction &pf)
{
    VfCounts counts;
    if (!pf.sriovCapable())
        return counts;
    // While the operator is still creating VFs, numVfs and the VF list can disagree; the larger
    // is what exists (the same rule as the Nodes table and the topology).
    const int created = std::max(pf.numVfs, int(pf.vfs.size()));
    counts.allocated = pf.allocatedVfs();
    counts.free = created - counts.allocated;
    if (pf.totalVfs)
        counts.notCreated = std::max(0, *pf.totalVfs - created);
    else
        counts.pfsWithoutTotal = 1;
    return counts;
}

QList<VfAllocationRow> VfAllocation::rows(const ClusterSnapshot &snapshot, VfGrouping grouping)
{
    QMap<QString, VfCounts> groups;
    for (const auto &node : snapshot.nodes) {
        if (!node.sriov)
            continue;
        for (const auto &pf : node.sriov->pfs) {
            if (!pf.sriovCapable())
                continue;
            const QString name
                = grouping == VfGrouping::Node ? node.name : (pf.resource.isEmpty() ? noPool() : pf.resource);
            groups[name] += countsOf(pf);
        }
    }
    QList<VfAllocationRow> result;
    result.reserve(groups.size());
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        result.append(VfAllocationRow { it.key(), it.value() });
    return result;
}

VfCounts VfAllocation::total(const QList<VfAllocationRow> &rows)
{
    VfCounts sum;
    for (const auto &row : rows)
        sum += row.counts;
    return sum;
}

QString VfAllocation::noPool()
{
    return tr("(no pool)");
}

QString VfAllocation::groupingName(VfGrouping grouping)
{
    return grouping == VfGrouping::Node ? QStringLiteral("node") : QStringLiteral("pool");
}

} // namespace Specula::Model
