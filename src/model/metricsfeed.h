// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "model/clustersnapshot.h"
#include "model/gpumetricsjoin.h"
#include "model/prometheussettings.h"
#include "prom/metriccatalogue.h"

#include <QObject>
#include <QPointer>

namespace Specula::Prom {
class PromClient;
}

namespace Specula::Model {

class ClusterSession;
class DeviceMetricsQuery;
class MetricsConnection;

// The window's live GPU readings. The first refresh() finds the cluster's Prometheus (or takes
// the pinned one) and learns its dialect; every refresh then fetches each device's latest
// readings and hands them to the session, whose snapshots join them in. A Prometheus that cannot
// be reached is tried again on the next refresh; a failed fetch keeps the last readings and says
// why in the snapshot's status.
class MetricsFeed final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsFeed)

public:
    MetricsFeed(ClusterSession *session, PrometheusSettings settings, QObject *parent = nullptr);
    ~MetricsFeed() override;

    // Connects first when needed; does nothing while a fetch is still running.
    void refresh();
    // Whether a fetch of readings is running.
    bool isFetching() const { return !m_query.isNull(); }

    const PrometheusStatus &status() const { return m_status; }
    // The client and its dialect's catalogue, for the pages' range queries; null until ready().
    Prom::PromClient *client() const;
    const Prom::MetricCatalogue &catalogue() const;

Q_SIGNALS:
    void ready();
    // Connecting or fetching failed; the status says so too.
    void failed(const Specula::Core::Error &error);

private:
    void connectToPrometheus();
    void fetchReadings();
    void publish();

    QPointer<ClusterSession> m_session;
    PrometheusSettings m_settings;
    QPointer<MetricsConnection> m_connection;
    QPointer<DeviceMetricsQuery> m_query;
    bool m_ready = false;
    QList<MetricReading> m_readings;
    PrometheusStatus m_status;
};

} // namespace Specula::Model
