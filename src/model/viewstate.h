// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "prom/seriesstore.h"

#include <QDateTime>
#include <QObject>
#include <chrono>

namespace Specula::Model {

// What every page of one window shows (DESIGN.md §2): the time range (the last 15 minutes to
// 7 days, or a fixed custom interval), how often the live data refreshes, and which namespace
// the pages are narrowed to. Pages read it and follow its signals; they never keep copies.
class ViewState final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ViewState)

public:
    explicit ViewState(QObject *parent = nullptr);
    ~ViewState() override;

    // The ranges offered in the picker, shortest first.
    static QList<std::chrono::seconds> presetSpans();
    // The refresh intervals offered, 0 = off.
    static QList<std::chrono::seconds> refreshChoices();
    // "15 min", "1 h", "7 d": how a span or interval is spoken of in the pickers.
    static QString spanText(std::chrono::seconds span);

    // The last `span` up to now.
    void setSpan(std::chrono::seconds span);
    std::chrono::seconds span() const { return m_span; }
    // A fixed interval; false (and no change) when `end` is not after `start`.
    bool setCustomRange(const QDateTime &start, const QDateTime &end);
    bool isCustom() const { return m_customStart.isValid(); }
    // The interval shown at `now`: the last span, or the custom one.
    std::pair<QDateTime, QDateTime> interval(const QDateTime &now) const;
    // The query grid for a plot `plotWidth` pixels wide, on a round step (Prom::stepFor).
    Prom::TimeAxis axisFor(int plotWidth, const QDateTime &now) const;
    // "last 6 h" or "2026-12-01 10:00 – 2026-12-01 14:00".
    QString rangeText() const;

    std::chrono::seconds refreshInterval() const { return m_refresh; }
    void setRefreshInterval(std::chrono::seconds interval);

    // Empty: every namespace.
    QString namespaceFilter() const { return m_namespace; }
    void setNamespaceFilter(const QString &ns);
    bool accepts(const QString &ns) const { return m_namespace.isEmpty() || ns == m_namespace; }

    // Asks every page to fetch its data again now (the toolbar's Refresh, the refresh timer).
    void requestRefresh();

Q_SIGNALS:
    void rangeChanged();
    void refreshIntervalChanged(std::chrono::seconds interval);
    void namespaceFilterChanged(const QString &ns);
    void refreshRequested();

private:
    std::chrono::seconds m_span { 3600 };
    QDateTime m_customStart, m_customEnd; // invalid: the last m_span
    std::chrono::seconds m_refresh { 30 };
    QString m_namespace;
};

} // namespace Specula::Model
