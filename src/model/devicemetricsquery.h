// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "model/gpumetricsjoin.h"
#include "model/readingcollector.h"
#include "prom/metriccatalogue.h"
#include "prom/promclient.h"

#include <QObject>
#include <QPointer>
#include <memory>

namespace Specula::Model {

// The latest readings of every GPU and MIG instance: one instant query per device metric, all
// at once. Emits exactly one of finished() or failed(); a query the dialect has no source for is
// simply not sent.
class DeviceMetricsQuery final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceMetricsQuery)

public:
    DeviceMetricsQuery(Prom::PromClient *client, Prom::MetricCatalogue catalogue, QObject *parent = nullptr);
    ~DeviceMetricsQuery() override;

    // `expectedReadings`: how many there were the last time, to make room for at once.
    void start(qsizetype expectedReadings = 0);
    // The metrics of the snapshot's device block (DESIGN.md §4).
    static QList<Prom::Metric> deviceMetrics();

Q_SIGNALS:
    // `warnings`: what Prometheus said alongside the answers (partial data, info).
    void finished(const QList<Specula::Model::MetricReading> &readings, const QStringList &warnings);
    void failed(const Specula::Core::Error &error);

private:
    void finishIfDone();

    QPointer<Prom::PromClient> m_client;
    Prom::MetricCatalogue m_catalogue;
    QList<QPointer<Prom::PromJob>> m_jobs;
    std::shared_ptr<ReadingCollector> m_readings; // shared with the threads that read the answers
    QStringList m_warnings;
    int m_pending = 0;
    bool m_done = false;
};

} // namespace Specula::Model
