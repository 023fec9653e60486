// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/connectionoptions.h"
#include "model/clustersnapshot.h"
#include "model/prometheussettings.h"
#include "profiles/secretstore.h"

#include <QObject>
#include <functional>
#include <memory>

namespace Specula::Model {
class ClusterSession;
class MetricsConnection;
} // namespace Specula::Model

namespace Specula::Cli {

// What every one-shot command does first: resolve the connection (with a profile, read its
// secrets from the keychain), list the cluster once, and reach its Prometheus (unless told not to). A Prometheus that
// cannot be reached does not fail the command; its status says why.
class ClusterLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterLoader)

public:
    ClusterLoader(ConnectionOptions connection, Model::PrometheusSettings prometheus, QObject *parent = nullptr);
    ~ClusterLoader() override;

    void start();

    // The listed cluster, with prometheus status filled in.
    Model::ClusterSnapshot snapshot() const;
    // Null when Prometheus is disabled; otherwise ready or failed by the time loaded() comes.
    Model::MetricsConnection *metrics() const { return m_metrics; }
    // After loaded(): asks Prometheus for every device's latest readings and hands `done` the
    // snapshot with them joined in, or with Prometheus' status saying why there are none.
    void fetchReadings(std::function<void(const Model::ClusterSnapshot &)> done);

Q_SIGNALS:
    void loaded();
    // The cluster itself failed (bad kubeconfig, unreachable API server).
    void failed(const Specula::Core::Error &error);

private:
    void connectMetrics();

    ConnectionOptions m_connection;
    Model::PrometheusSettings m_prometheus;
    ConnectionResolver m_resolver;
    Profiles::SecretStore m_secrets;
    std::unique_ptr<Model::ClusterSession> m_session;
    Model::MetricsConnection *m_metrics = nullptr;
    bool m_done = false;
};

} // namespace Specula::Cli
