// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/metricset.h"

namespace Specula::Sim {

MetricSet MetricSet::build(const Scenario &scenario)
{
    MetricSet set;
    Q_UNUSED(scenario);
    return set;
}

const SimFamily *MetricSet::family(const QString &name) const
{
    const auto it = m_index.constFind(name);
    return it == m_index.constEnd() ? nullptr : &m_families[*it];
}

QStringList MetricSet::exporters()
{
    return { QStringLiteral("dcgm"), QStringLiteral("kepler"), QStringLiteral("cadvisor"),
             QStringLiteral("kube-state-metrics"), QStringLiteral("sriov") };
}

QByteArray MetricSet::exposition(const QString &exporter, qint64 t) const
{
    Q_UNUSED(exporter);
    Q_UNUSED(t);
    return {};
}

} // namespace Specula::Sim
