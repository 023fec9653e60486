// SPDX-License-Identifier: GPL-3.0-or-later
#include "prom/rangequeryrunner.h"

#include "prom/rangequery.h"

namespace Specula::Prom {

RangeQueryRunner::RangeQueryRunner(PromClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

RangeQueryRunner::~RangeQueryRunner()
{
    for (const QPointer<RangeQuery> &query : std::as_const(m_running)) {
        if (query)
            query->cancel();
    }
}

RangeQuery *RangeQueryRunner::start(const QString &key, const QStringList &exprs, const TimeAxis &axis)
{
    cancel(key);
    auto *query = new RangeQuery(m_client, exprs, axis, this);
    m_running.insert(key, query);
    connect(query, &RangeQuery::finished, this, [this, key, query](const SeriesStore &store) {
        if (m_running.value(key) == query)
            m_running.remove(key);
        SeriesSlot &slot = m_slots[key];
        slot.setFresh(store);
        Q_EMIT updated(key, slot);
    });
    connect(query, &RangeQuery::failed, this, [this, key, query](const Core::Error &error) {
        if (m_running.value(key) == query)
            m_running.remove(key);
        SeriesSlot &slot = m_slots[key];
        slot.setFailed(error);
        Q_EMIT failed(key, error);
        Q_EMIT updated(key, slot);
    });
    // Started from the event loop, so the caller can still tune the returned query.
    QMetaObject::invokeMethod(query, &RangeQuery::start, Qt::QueuedConnection);
    return query;
}

void RangeQueryRunner::cancel(const QString &key)
{
    const QPointer<RangeQuery> query = m_running.take(key);
    if (query)
        query->cancel();
}

bool RangeQueryRunner::isRunning(const QString &key) const
{
    return !m_running.value(key).isNull();
}

SeriesSlot RangeQueryRunner::slot(const QString &key) const
{
    return m_slots.value(key);
}

} // namespace Specula::Prom
