// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "kube/listoptions.h"
#include "kube/resourcekind.h"
#include "model/clustersnapshot.h"
#include "model/gpumetricsjoin.h"
#include "net/connectioncontext.h"

#include <QObject>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QTimer;

namespace Specula::Kube {
class Informer;
class KubeClient;
struct WatchEvent;
} // namespace Specula::Kube

namespace Specula::Model {

// One live connection to one cluster: discovery, an informer per kind the cluster serves, and
// the joined snapshot rebuilt off the GUI thread whenever something changed (coalesced, latest
// wins). Owns its QNetworkAccessManager.
class ClusterSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterSession)

public:
    enum class State { Connecting, Loading, Live, Reconnecting, Failed };
    Q_ENUM(State)

    explicit ClusterSession(Net::ConnectionContext context, QObject *parent = nullptr);
    ~ClusterSession() override;

    // `watch` false: list once and stop (the command line); true: stay live.
    void start(bool watch = true);

    State state() const { return m_state; }
    // Every kind has been listed once (loaded() was emitted).
    bool isLoaded() const { return m_loaded; }
    const Net::ConnectionContext &context() const { return m_context; }
    const ClusterSnapshot &snapshot() const { return m_snapshot; }
    // The connection's one QNetworkAccessManager, for the Prometheus it reaches through this cluster.
    QNetworkAccessManager *networkAccess() const { return m_nam.get(); }
    // dcgm-exporter's latest readings and where they came from: every snapshot from here on has
    // them joined in (GPUs that only Prometheus names, their pods and values).
    void setGpuReadings(const QList<MetricReading> &readings, const PrometheusStatus &status);

Q_SIGNALS:
    void stateChanged(Specula::Model::ClusterSession::State state, const QString &detail);
    // Every kind has been listed once; snapshots from here on are complete.
    void loaded();
    void snapshotReady(const Specula::Model::ClusterSnapshot &snapshot);
    void errorOccurred(const Specula::Core::Error &error);

private:
    // One list (and watch or poll) the snapshot is built from.
    struct Source
    {
        Kube::ResourceKind kind;
        Kube::ListOptions options;
        std::chrono::milliseconds pollInterval { 0 }; // 0: watch
        bool optional = false; // may be forbidden or missing without failing the session
    };

    void onDiscovered();
    void addSource(const Source &source);
    void scheduleRebuild();
    void rebuild();
    void setState(State state, const QString &detail = {});
    void updateStateFromInformers();
    void fail(const Core::Error &error);

    Net::ConnectionContext m_context;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    Kube::KubeClient *m_client = nullptr;
    QList<Kube::Informer *> m_informers;
    QSet<Kube::Informer *> m_listed; // informers whose first list arrived (or that gave up)
    QHash<Kube::Informer *, QString> m_unavailable; // optional sources that failed, with the error
    // The informers' objects. Only the build on the worker touches them (one build at a time),
    // so that 150,000 pods are neither stored on the GUI thread nor copied there when a watch
    // event arrives while a build reads them.
    std::shared_ptr<ClusterObjects> m_objects;
    // What the informers brought since the last build was started; the next build applies it.
    QList<std::function<void(ClusterObjects &)>> m_changes;
    QList<MetricReading> m_gpuReadings;
    PrometheusStatus m_prometheus;
    ClusterSnapshot m_snapshot;
    QTimer *m_rebuildTimer;
    quint64 m_generation = 0; // a newer build supersedes an older one still running
    bool m_building = false;
    bool m_rebuildAgain = false;
    bool m_watch = true;
    bool m_loaded = false;
    State m_state = State::Connecting;
};

} // namespace Specula::Model
