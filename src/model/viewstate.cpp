// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/viewstate.h"

#include "prom/promstep.h"

namespace Specula::Model {

using namespace std::chrono_literals;

ViewState::ViewState(QObject *parent)
    : QObject(parent)
{ }

ViewState::~ViewState() = default;

QList<std::chrono::seconds> ViewState::presetSpans()
{
    return { 15min, 1h, 3h, 6h, 12h, 24h, 48h, 168h };
}

QList<std::chrono::seconds> ViewState::refreshChoices()
{
    return { 0s, 10s, 30s, 1min, 5min };
}

QString ViewState::spanText(std::chrono::seconds span)
{
    const qint64 s = span.count();
    if (s % 86400 == 0)
        return tr("%1 d").arg(s / 86400);
    if (s % 3600 == 0)
        return tr("%1 h").arg(s / 3600);
    if (s % 60 == 0)
        return tr("%1 min").arg(s / 60);
    return tr("%1 s").arg(s);
}

void ViewState::setSpan(std::chrono::seconds span)
{
    if (span <= 0s || (span == m_span && !isCustom()))
        return;
    m_span = span;
    m_customStart = m_customEnd = {};
    Q_EMIT rangeChanged();
}

bool ViewState::setCustomRange(const QDateTime &start, const QDateTime &end)
{
    if (!start.isValid() || !end.isValid() || end <= start)
        return false;
    m_customStart = start;
    m_customEnd = end;
    Q_EMIT rangeChanged();
    return true;
}

std::pair<QDateTime, QDateTime> ViewState::interval(const QDateTime &now) const
{
    if (isCustom())
        return { m_customStart, m_customEnd };
    return { now.addSecs(-m_span.count()), now };
}

Prom::TimeAxis ViewState::axisFor(int plotWidth, const QDateTime &now) const
{
    const auto [start, end] = interval(now);
    return Prom::TimeAxis::covering(start, end, Prom::stepFor(start, end, plotWidth));
}

QString ViewState::rangeText() const
{
    if (!isCustom())
        return tr("last %1").arg(spanText(m_span));
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm");
    return tr("%1 – %2").arg(m_customStart.toString(format), m_customEnd.toString(format));
}

void ViewState::setRefreshInterval(std::chrono::seconds interval)
{
    if (interval < 0s || interval == m_refresh)
        return;
    m_refresh = interval;
    Q_EMIT refreshIntervalChanged(interval);
}

void ViewState::setNamespaceFilter(const QString &ns)
{
    if (ns == m_namespace)
        return;
    m_namespace = ns;
    Q_EMIT namespaceFilterChanged(ns);
}

void ViewState::requestRefresh()
{
    Q_EMIT refreshRequested();
}

} // namespace Specula::Model
