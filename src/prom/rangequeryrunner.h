// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "prom/seriesslot.h"
#include "prom/seriesstore.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

namespace Specula::Prom {

class PromClient;
class RangeQuery;

// Latest wins, per key ("heatmap", "pod/ns/name"): starting a query under a key cancels the one
// still in flight under it, which then never reports. Each key's SeriesSlot keeps the last good
// store, so a failed refresh leaves the previous data available, marked stale with the error.
class RangeQueryRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RangeQueryRunner)

public:
    explicit RangeQueryRunner(PromClient *client, QObject *parent = nullptr);
    ~RangeQueryRunner() override;

    // Starts (and returns, for tuning before the event loop runs it) the key's new query.
    RangeQuery *start(const QString &key, const QStringList &exprs, const TimeAxis &axis);
    void cancel(const QString &key);
    bool isRunning(const QString &key) const;
    SeriesSlot slot(const QString &key) const;

Q_SIGNALS:
    // The key's slot changed: fresh data, or the last good data now stale (error() says why).
    void updated(const QString &key, const Specula::Prom::SeriesSlot &slot);
    void failed(const QString &key, const Specula::Core::Error &error);

private:
    PromClient *m_client;
    QHash<QString, QPointer<RangeQuery>> m_running;
    QHash<QString, SeriesSlot> m_slots;
};

} // namespace Specula::Prom
