// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/generator.h"

#include <QRandomGenerator>

namespace Specula::Sim {

QString failedSchedulingMessage(const Scenario &scenario, const QString &resource)
{
    const int total = int(scenario.nodes.size());
    int notReady = 0;
    int unschedulable = 0;
    for (const NodeDesc &node : scenario.nodes) {
        if (!node.ready)
            ++notReady;
        else if (node.unschedulable)
            ++unschedulable;
    }
    const int insufficient = total - notReady - unschedulable;
    // The scheduler sorts its reasons as strings.
    QStringList reasons;
    if (insufficient > 0)
        reasons.append(u"%1 Insufficient %2"_qs.arg(insufficient).arg(resource));
    if (notReady > 0)
        reasons.append(u"%1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }"_qs.arg(notReady));
    if (unschedulable > 0)
        reasons.append(u"%1 node(s) were unschedulable"_qs.arg(unschedulable));
    reasons.sort();
    QStringList preemption;
    if (insufficient > 0)
        preemption.append(u"%1 No preemption victims found for incoming pod"_qs.arg(insufficient));
    if (notReady + unschedulable > 0)
        preemption.append(u"%1 Preemption is not helpful for scheduling"_qs.arg(notReady + unschedulable));
    preemption.sort();
    return u"0/%1 nodes are available: %2. preemption: 0/%1 nodes are available: %3."_qs.arg(total).arg(
        reasons.join(u", "), preemption.join(u", "));
}

void generateCluster(const GeneratorSpec &spec, Scenario &scenario)
{
    Q_UNUSED(spec)
    Q_UNUSED(scenario)
}

} // namespace Specula::Sim
