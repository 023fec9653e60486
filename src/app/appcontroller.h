// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/connectionoptions.h"
#include "kube/kubeconfig.h"
#include "model/prometheussettings.h"
#include "profiles/profilestore.h"
#include "prom/metriccatalogue.h"
#include "prom/seriesstore.h"

#include <QObject>
#include <QPointer>
#include <memory>
#include <optional>

class QTimer;

namespace Specula::Profiles {
class SecretStore;
}

namespace Specula::Model {
class ClusterSession;
class HeatmapSeriesQuery;
class MetricsFeed;
} // namespace Specula::Model

namespace Specula::App {

class MainWindow;

// Connects the window to a cluster: resolves the connection options, opens a ClusterSession for
// the chosen context and forwards its snapshots, state and errors to the window. A switch of
// context replaces the session; the tables reset only then. Once the cluster is listed, a
// MetricsFeed brings in the GPUs' readings on the window's refresh interval; a saved profile
// supplies the Prometheus settings (its secrets from the keychain), the refresh interval and the
// namespace filter. With no connection options the last profile used opens; on the first run the
// kubeconfig's contexts become profiles.
class AppController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppController)

public:
    explicit AppController(MainWindow *window, QObject *parent = nullptr);
    ~AppController() override;

    // `prometheus`: the window's --prometheus options, over the profile's settings.
    void start(const Cli::ConnectionOptions &options, const Model::PrometheusSettings &prometheus = {});
    Model::ClusterSession *session() const { return m_session.get(); }
    Model::MetricsFeed *metricsFeed() const { return m_feed; }

Q_SIGNALS:
    // The first complete snapshot of the current context is on screen.
    void loaded();

private:
    void connectTo(const QString &context);
    void reconnect();
    void reportError(const Core::Error &error);
    void applyProfileView(const Profiles::Profile &profile);
    void openProfile(const QString &name);
    void manageProfiles();
    void createFirstProfiles(const Kube::KubeConfig &config);
    void showProfiles();
    void refreshMetrics();
    void refreshHeatmap();
    void refreshHeatmapUnlessRunning();
    void showHolderCharts(const QString &uuid);
    void showUtilizationMeans();

    MainWindow *m_window;
    Cli::ConnectionResolver *m_resolver;
    Profiles::SecretStore *m_secrets;
    Profiles::ProfileStore m_profiles;
    QString m_profileName; // the profile in use; empty: a kubeconfig given directly, or the demo
    Cli::ConnectionOptions m_options;
    Model::PrometheusSettings m_prometheus;
    Model::MetricsFeed *m_feed = nullptr; // owned by the session
    QTimer *m_refreshTimer;
    QPointer<Model::HeatmapSeriesQuery> m_heatmapQuery; // in flight; a new metric or range cancels it
    // The last heatmap answer from this Prometheus, which a refresh of the same metric builds on.
    std::optional<std::pair<Prom::Metric, Prom::CompactSeriesStore>> m_lastHeatmap;
    quint64 m_meansGeneration = 0; // the heatmap whose utilization means the overview awaits
    std::optional<Kube::KubeConfig> m_config;
    QString m_context;
    std::unique_ptr<Model::ClusterSession> m_session;
    bool m_resetOnNextSnapshot = true;
};

} // namespace Specula::App
