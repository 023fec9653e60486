// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/clustersession.h"

#include "kube/discoveryjob.h"
#include "kube/informer.h"
#include "kube/kubeclient.h"

#include <QNetworkAccessManager>
#include <QTimer>
#include <QtConcurrent>

namespace Specula::Model {
namespace {

// Coalesces bursts of watch events into one rebuild; short enough to feel live.
constexpr int kRebuildDelayMs = 250;

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
    else
        into.insert(keyOf(object->meta), *object);
}

} // namespace

ClusterSession::ClusterSession(Net::ConnectionContext context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
    , m_nam(std::make_unique<QNetworkAccessManager>())
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
    // Informers and the client hold replies of the access manager: end them first.
    qDeleteAll(m_informers);
    delete m_client;
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
    setState(State::Loading, tr("Loading"));
    for (auto kind :
         { Kube::ResourceKind::Node, Kube::ResourceKind::Pod, Kube::ResourceKind::NetworkAttachmentDefinition }) {
        if (m_client->serves(kind))
            addInformer(kind);
    }
}

void ClusterSession::addInformer(Kube::ResourceKind kind)
{
    auto *informer = new Kube::Informer(m_client, kind);
    m_informers.append(informer);
    connect(informer, &Kube::Informer::listed, this, [this, kind, informer](const QList<Kube::Resource> &objects) {
        if (!m_watch)
            informer->stop();
        m_listed.insert(int(kind));
        replace(kind, objects);
        updateStateFromInformers();
    });
    connect(informer, &Kube::Informer::changed, this,
            [this, kind](const QList<Kube::WatchEvent> &events) { apply(kind, events); });
    connect(informer, &Kube::Informer::stateChanged, this, &ClusterSession::updateStateFromInformers);
    connect(informer, &Kube::Informer::failed, this, &ClusterSession::fail);
    informer->start();
}

void ClusterSession::replace(Kube::ResourceKind kind, const QList<Kube::Resource> &objects)
{
    switch (kind) {
    case Kube::ResourceKind::Node:
        m_objects.nodes.clear();
        break;
    case Kube::ResourceKind::Pod:
        m_objects.pods.clear();
        break;
    case Kube::ResourceKind::NetworkAttachmentDefinition:
        m_objects.networkAttachments.clear();
        break;
    default:
        break;
    }
    for (const auto &object : objects) {
        store(m_objects.nodes, object, false);
        store(m_objects.pods, object, false);
        store(m_objects.networkAttachments, object, false);
    }
    scheduleRebuild();
}

void ClusterSession::apply(Kube::ResourceKind, const QList<Kube::WatchEvent> &events)
{
    for (const auto &event : events) {
        const bool remove = event.type == Kube::WatchEvent::Type::Deleted;
        store(m_objects.nodes, event.object, remove);
        store(m_objects.pods, event.object, remove);
        store(m_objects.networkAttachments, event.object, remove);
    }
    scheduleRebuild();
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

void ClusterSession::rebuild()
{
    if (m_building) {
        m_rebuildAgain = true;
        return;
    }
    m_building = true;
    const quint64 generation = ++m_generation;
    // The hashes are implicitly shared: the worker reads a frozen copy while watches go on.
    QtConcurrent::run([objects = m_objects] {
        return buildSnapshot(objects);
    }).then(this, [this, generation](ClusterSnapshot snapshot) {
        m_building = false;
        if (generation == m_generation) {
            snapshot.context = m_context.contextName;
            snapshot.server = m_context.server.toString();
            m_snapshot = std::move(snapshot);
            Q_EMIT snapshotReady(m_snapshot);
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
