// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/clustersession.h"

#include "core/offthread.h"
#include "kube/discoveryjob.h"
#include "kube/informer.h"
#include "kube/kubeclient.h"
#include "model/snapshotsharing.h"

#include <QNetworkAccessManager>
#include <QTimer>

namespace Specula::Model {
namespace {

// Coalesces bursts of watch events into one rebuild; short enough to feel live.
constexpr int kRebuildDelayMs = 250;
constexpr std::chrono::seconds kSlowPoll { 60 };
constexpr std::chrono::seconds kEventPoll { 15 };

QString keyOf(const Kube::ObjectMeta &meta)
{
    return meta.namespaceName.isEmpty() ? meta.name : meta.namespaceName + QLatin1Char('/') + meta.name;
}

template<class T> void store(QHash<QString, T> &into, const Kube::Resource &resource, bool remove)
{
    const T *object = std::get_if<T>(&resource);
    if (!object)
        return;
    if (remove)
        into.remove(keyOf(object->meta));
    else if constexpr (std::is_same_v<T, Kube::Pod>)
        into.insert(keyOf(object->meta), podAsStored(*object));
    else
        into.insert(keyOf(object->meta), *object);
}

void storeObject(ClusterObjects &objects, const Kube::Resource &resource, bool remove)
{
    store(objects.nodes, resource, remove);
    store(objects.pods, resource, remove);
    store(objects.networkAttachments, resource, remove);
    store(objects.sriovStates, resource, remove);
    store(objects.sriovPolicies, resource, remove);
    store(objects.deviceConfigs, resource, remove);
    store(objects.schedulingEvents, resource, remove);
    store(objects.resourceSlices, resource, remove);
    store(objects.resourceClaims, resource, remove);
}

// Removes what one source listed before, so that its new list replaces it. ConfigMaps come from
// two sources (one per name), so only theirs are removed.
void clearSource(ClusterObjects &objects, Kube::ResourceKind kind, const QString &configMapName)
{
    switch (kind) {
    case Kube::ResourceKind::Node:
        objects.nodes.clear();
        break;
    case Kube::ResourceKind::Pod:
        objects.pods.clear();
        break;
    case Kube::ResourceKind::NetworkAttachmentDefinition:
        objects.networkAttachments.clear();
        break;
    case Kube::ResourceKind::SriovNetworkNodeState:
        objects.sriovStates.clear();
        break;
    case Kube::ResourceKind::SriovNetworkNodePolicy:
        objects.sriovPolicies.clear();
        break;
    case Kube::ResourceKind::ConfigMap:
        objects.deviceConfigs.removeIf([&](const auto &it) { return it.value().meta.name == configMapName; });
        break;
    case Kube::ResourceKind::Event:
        objects.schedulingEvents.clear();
        break;
    case Kube::ResourceKind::ResourceSlice:
        objects.resourceSlices.clear();
        break;
    case Kube::ResourceKind::ResourceClaim:
        objects.resourceClaims.clear();
        break;
    case Kube::ResourceKind::Namespace:
    case Kube::ResourceKind::Service:
        break;
    }
}

// The SR-IOV device plugin's ConfigMap when deployed on its own, and the one the SR-IOV
// operator writes (one key per node).
const QString kDeviceConfigNames[] = { QStringLiteral("sriovdp-config"), QStringLiteral("device-plugin-config") };

} // namespace

ClusterSession::ClusterSession(Net::ConnectionContext context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
    , m_nam(std::make_unique<QNetworkAccessManager>())
    , m_objects(std::make_shared<ClusterObjects>())
    , m_rebuildTimer(new QTimer(this))
{
    m_rebuildTimer->setSingleShot(true);
    m_rebuildTimer->setInterval(kRebuildDelayMs);
    connect(m_rebuildTimer, &QTimer::timeout, this, &ClusterSession::rebuild);
    m_snapshot.context = m_context.contextName;
    m_snapshot.server = m_context.server.toString();
}

ClusterSession::~ClusterSession()
{
    // Informers, the client and children such as the metrics feed hold replies of the access
    // manager: end them first. QObject would delete the children only after the members.
    qDeleteAll(m_informers);
    delete m_client;
    while (!children().isEmpty())
        delete children().constFirst();
}

void ClusterSession::start(bool watch)
{
    m_watch = watch;
    m_client = new Kube::KubeClient(m_nam.get(), m_context);
    setState(State::Connecting, tr("Connecting to %1").arg(m_context.server.toString()));
    auto *job = m_client->discover();
    connect(job, &Kube::DiscoveryJob::finished, this, &ClusterSession::onDiscovered);
    connect(job, &Kube::DiscoveryJob::failed, this, &ClusterSession::fail);
}

void ClusterSession::onDiscovered()
{
    using Kube::ResourceKind;
    setState(State::Loading, tr("Loading"));
    // Nodes, pods, SR-IOV states and DRA claims change while the user looks: watch them. The
    // rest changes rarely and is relisted on a period (see Informer::setPollInterval).
    addSource({ ResourceKind::Node, {}, {}, false });
    addSource({ ResourceKind::Pod, {}, {}, false });
    addSource({ ResourceKind::SriovNetworkNodeState, {}, {}, true });
    addSource({ ResourceKind::ResourceClaim, {}, {}, true });
    addSource({ ResourceKind::NetworkAttachmentDefinition, {}, kSlowPoll, true });
    addSource({ ResourceKind::SriovNetworkNodePolicy, {}, kSlowPoll, true });
    addSource({ ResourceKind::ResourceSlice, {}, kSlowPoll, true });
    Kube::ListOptions failedScheduling;
    failedScheduling.fieldSelector = QStringLiteral("reason=FailedScheduling");
    addSource({ ResourceKind::Event, failedScheduling, kEventPoll, true });
    for (const QString &name : kDeviceConfigNames) {
        Kube::ListOptions byName;
        byName.fieldSelector = QStringLiteral("metadata.name=") + name;
        addSource({ ResourceKind::ConfigMap, byName, kSlowPoll, true });
    }
}

void ClusterSession::addSource(const Source &source)
{
    if (!m_client->serves(source.kind))
        return;
    auto *informer = new Kube::Informer(m_client, source.kind);
    informer->setListOptions(source.options);
    informer->setPollInterval(source.pollInterval);
    m_informers.append(informer);
    const QString configMapName = source.options.fieldSelector.section(QLatin1Char('='), 1);
    connect(informer, &Kube::Informer::listed, this,
            [this, source, informer, configMapName](const QList<Kube::Resource> &objects) {
                if (!m_watch)
                    informer->stop();
                m_listed.insert(informer);
                m_unavailable.remove(informer);
                m_changes.append([kind = source.kind, configMapName, objects](ClusterObjects &into) {
                    clearSource(into, kind, configMapName);
                    for (const auto &object : objects)
                        storeObject(into, object, false);
                });
                scheduleRebuild();
                updateStateFromInformers();
            });
    connect(informer, &Kube::Informer::changed, this, [this](const QList<Kube::WatchEvent> &events) {
        m_changes.append([events](ClusterObjects &into) {
            for (const auto &event : events)
                storeObject(into, event.object, event.type == Kube::WatchEvent::Type::Deleted);
        });
        scheduleRebuild();
    });
    connect(informer, &Kube::Informer::stateChanged, this, &ClusterSession::updateStateFromInformers);
    connect(informer, &Kube::Informer::failed, this, [this, source, informer](const Core::Error &error) {
        if (!m_informers.contains(informer))
            return;
        // An optional source the user may not read (403) leaves its part of the picture empty,
        // with a warning, instead of failing the whole cluster.
        const bool denied = error.kind == Core::Error::Kind::Forbidden || error.kind == Core::Error::Kind::NotFound;
        if (source.optional && denied) {
            m_listed.insert(informer);
            m_unavailable.insert(informer, error.toString());
            scheduleRebuild();
            updateStateFromInformers();
            return;
        }
        fail(error);
    });
    informer->start();
}

void ClusterSession::scheduleRebuild()
{
    // Until every kind is listed a snapshot would be wrong, not just incomplete: nodes without
    // their pods show nothing requested.
    if (m_listed.size() < m_informers.size())
        return;
    if (!m_rebuildTimer->isActive())
        m_rebuildTimer->start();
}

void ClusterSession::setGpuReadings(const QList<MetricReading> &readings, const PrometheusStatus &status)
{
    m_gpuReadings = readings;
    m_prometheus = status;
    scheduleRebuild();
}

void ClusterSession::rebuild()
{
    if (m_building) {
        m_rebuildAgain = true;
        return;
    }
    m_building = true;
    const quint64 generation = ++m_generation;
    // Changes that arrive while this build runs wait in m_changes for the next one.
    Core::buildOffThread(
        this,
        [objects = m_objects, changes = std::exchange(m_changes, {}), readings = m_gpuReadings, previous = m_snapshot] {
            for (const auto &change : changes)
                change(*objects);
            ClusterSnapshot snapshot = buildSnapshot(*objects);
            if (!readings.isEmpty())
                joinGpuMetrics(snapshot, readings);
            shareUnchanged(snapshot, previous);
            return snapshot;
        },
        [this, generation](ClusterSnapshot snapshot) {
            m_building = false;
            if (generation == m_generation) {
                snapshot.context = m_context.contextName;
                snapshot.server = m_context.server.toString();
                snapshot.prometheus = m_prometheus;
                for (const QString &warning : std::as_const(m_unavailable))
                    snapshot.warnings.append(warning);
                ClusterSnapshot shownBefore = std::exchange(m_snapshot, std::move(snapshot));
                Q_EMIT snapshotReady(m_snapshot);
                // The views have let go of the last snapshot: this is likely its last reference,
                // and freeing a large cluster's takes the GUI thread tens of milliseconds.
                Core::freeOffThread(std::move(shownBefore));
                if (!m_loaded && m_listed.size() == m_informers.size()) {
                    m_loaded = true;
                    Q_EMIT loaded();
                }
            }
            if (std::exchange(m_rebuildAgain, false))
                rebuild();
        });
}

void ClusterSession::updateStateFromInformers()
{
    if (m_state == State::Failed && m_listed.size() < m_informers.size())
        return;
    bool reconnecting = false;
    for (const auto *informer : std::as_const(m_informers))
        reconnecting = reconnecting || informer->state() == Kube::Informer::State::Reconnecting;
    if (reconnecting)
        setState(State::Reconnecting, tr("Reconnecting"));
    else if (m_listed.size() == m_informers.size())
        setState(State::Live, m_watch ? tr("Live") : tr("Loaded"));
    else
        setState(State::Loading, tr("Loading %1 of %2 lists").arg(m_listed.size() + 1).arg(m_informers.size()));
}

void ClusterSession::setState(State state, const QString &detail)
{
    m_state = state;
    Q_EMIT stateChanged(state, detail);
}

void ClusterSession::fail(const Core::Error &error)
{
    if (m_listed.size() < m_informers.size() || m_informers.isEmpty())
        setState(State::Failed, error.toString());
    Q_EMIT errorOccurred(error);
}

} // namespace Specula::Model
