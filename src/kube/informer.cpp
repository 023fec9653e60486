// SPDX-License-Identifier: GPL-3.0-or-later
#include "kube/informer.h"

#include "core/logging.h"
#include "kube/kubeclient.h"
#include "kube/listjob.h"

#include <QRandomGenerator>

namespace Specula::Kube {

Informer::Informer(KubeClient *client, ResourceKind kind, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_kind(kind)
{
    m_retryTimer.setSingleShot(true);
}

Informer::~Informer()
{
    // No signals from a dying object: only end the requests.
    if (m_listJob)
        m_listJob->cancel();
    if (m_watchJob)
        m_watchJob->cancel();
}

void Informer::setBackoff(std::chrono::milliseconds initial, std::chrono::milliseconds maximum)
{
    m_initialBackoff = initial;
    m_maxBackoff = std::max(initial, maximum);
    m_backoff = initial;
}

void Informer::start()
{
    stop();
    m_backoff = m_initialBackoff;
    list();
}

void Informer::stop()
{
    m_retryTimer.stop();
    m_retryTimer.disconnect(this);
    if (m_listJob)
        m_listJob->cancel();
    if (m_watchJob)
        m_watchJob->cancel();
    m_listJob = nullptr;
    m_watchJob = nullptr;
    if (m_state != State::Idle)
        setState(State::Idle);
}

void Informer::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

bool Informer::retryable(const Core::Error &error)
{
    switch (error.kind) {
    case Core::Error::Kind::Unauthorized:
    case Core::Error::Kind::Forbidden:
    case Core::Error::Kind::NotFound:
    case Core::Error::Kind::Tls:
    case Core::Error::Kind::Auth:
    case Core::Error::Kind::Config:
    case Core::Error::Kind::Cancelled:
        return false;
    default:
        return true;
    }
}

void Informer::retryLater(void (Informer::*what)())
{
    // Exponential backoff with ±20 % jitter, so that many informers do not reconnect in step.
    const qint64 base = m_backoff.count();
    const qint64 jitter = base / 5;
    const qint64 delay = base - jitter + (jitter > 0 ? QRandomGenerator::global()->bounded(2 * jitter + 1) : 0);
    m_backoff = std::min(m_maxBackoff, m_backoff * 2);
    setState(State::Reconnecting);
    m_retryTimer.disconnect(this);
    connect(&m_retryTimer, &QTimer::timeout, this, what);
    m_retryTimer.start(std::chrono::milliseconds(delay));
}

void Informer::list()
{
    setState(State::Listing);
    m_listed.clear();
    m_listJob = m_client->list(m_kind, m_listOptions);
    connect(m_listJob, &ListJob::page, this, [this](const QList<Resource> &items, qint64 remaining) {
        // Room for the whole list at once: 150,000 pods appended page by page would be moved to a
        // larger block at each doubling, up to 130,000 of them in one go on the GUI thread. The
        // server's count can fall short while objects come and go: a little more, asked once.
        if (m_listed.isEmpty() && remaining > 0)
            m_listed.reserve(items.size() + remaining + remaining / 32);
        m_listed += items;
    });
    connect(m_listJob, &ListJob::restarted, this, [this](const Core::Error &) { m_listed.clear(); });
    connect(m_listJob, &ListJob::finished, this, [this](const QString &resourceVersion) {
        m_listJob = nullptr;
        m_resourceVersion = resourceVersion;
        ++m_lists;
        QList<Resource> objects;
        objects.swap(m_listed);
        Q_EMIT listed(objects);
        if (m_pollInterval.count() > 0)
            pollLater();
        else
            watch();
    });
    connect(m_listJob, &ListJob::failed, this, [this](const Core::Error &error) {
        m_listJob = nullptr;
        m_listed.clear();
        Q_EMIT failed(error);
        if (!retryable(error)) {
            setState(State::Failed);
            return;
        }
        retryLater(&Informer::list);
    });
}

void Informer::pollLater()
{
    if (m_state == State::Idle || m_state == State::Failed)
        return;
    m_backoff = m_initialBackoff;
    setState(State::Watching);
    m_retryTimer.disconnect(this);
    connect(&m_retryTimer, &QTimer::timeout, this, &Informer::list);
    m_retryTimer.start(m_pollInterval);
}

void Informer::watch()
{
    if (m_state == State::Idle || m_state == State::Failed)
        return;
    WatchOptions options = m_watchOptions;
    if (options.namespaceName.isEmpty())
        options.namespaceName = m_listOptions.namespaceName;
    if (options.labelSelector.isEmpty())
        options.labelSelector = m_listOptions.labelSelector;
    if (options.fieldSelector.isEmpty())
        options.fieldSelector = m_listOptions.fieldSelector;
    ++m_watches;
    m_watchJob = m_client->watch(m_kind, m_resourceVersion, options);
    setState(State::Watching);
    connect(m_watchJob, &WatchJob::events, this, [this](const QList<WatchEvent> &events) {
        m_resourceVersion = m_watchJob->resourceVersion();
        m_backoff = m_initialBackoff; // the stream works
        Q_EMIT changed(events);
    });
    connect(m_watchJob, &WatchJob::bookmark, this, [this](const QString &resourceVersion) {
        m_resourceVersion = resourceVersion;
        m_backoff = m_initialBackoff;
    });
    connect(m_watchJob, &WatchJob::finished, this, [this] {
        const bool healthy = m_watchJob && (m_watchJob->eventCount() > 0 || m_watchJob->uptimeMs() > 10000);
        if (m_watchJob)
            m_resourceVersion = m_watchJob->resourceVersion();
        m_watchJob = nullptr;
        // The server's timeoutSeconds ran out: normal, resume at once. A stream that closes right
        // away again and again (kubernetes#104171) backs off instead.
        if (healthy) {
            m_backoff = m_initialBackoff;
            watch();
        } else {
            retryLater(&Informer::watch);
        }
    });
    connect(m_watchJob, &WatchJob::failed, this, [this](const Core::Error &error) {
        if (m_watchJob)
            m_resourceVersion = m_watchJob->resourceVersion();
        m_watchJob = nullptr;
        if (error.kind == Core::Error::Kind::Gone) {
            qCInfo(lcKube).noquote() << "watch expired, relisting:" << error.toString();
            list();
            return;
        }
        Q_EMIT failed(error);
        if (!retryable(error)) {
            setState(State::Failed);
            return;
        }
        // A malformed event means an event may be lost: only a relist restores a true state.
        retryLater(error.kind == Core::Error::Kind::Parse ? &Informer::list : &Informer::watch);
    });
}

} // namespace Specula::Kube
