// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "kube/listoptions.h"
#include "kube/resourcekind.h"
#include "kube/resources.h"
#include "kube/watchjob.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <chrono>

namespace Specula::Kube {

class KubeClient;
class ListJob;

// List, then watch, for one kind; survives dropped connections and expired versions.
//
// listed() carries the complete state after every (re)list; changed() the watch events since.
// A 410 (HTTP or an ERROR event, reason Expired or Gone) leads to a relist; a stream that ends or
// breaks is resumed from the last resourceVersion (event or bookmark) after an exponential
// backoff with jitter. Errors that waiting will not fix (401, 403, 404, TLS, credentials) end in
// State::Failed; every error is reported through failed() so the UI can show it.
class Informer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Informer)

public:
    enum class State { Idle, Listing, Watching, Reconnecting, Failed };
    Q_ENUM(State)

    Informer(KubeClient *client, ResourceKind kind, QObject *parent = nullptr);
    ~Informer() override;

    void setListOptions(const ListOptions &options) { m_listOptions = options; }
    void setWatchOptions(const WatchOptions &options) { m_watchOptions = options; }
    // First retry delay and the cap; each failure doubles the delay, ±20 % jitter.
    void setBackoff(std::chrono::milliseconds initial, std::chrono::milliseconds maximum);
    // Relist on this period instead of watching. For kinds that rarely change: on HTTP/1.1 every
    // watch holds one of the few connections Qt opens to a host, and lists queue behind them.
    void setPollInterval(std::chrono::milliseconds interval) { m_pollInterval = interval; }

    void start();
    void stop();

    ResourceKind kind() const { return m_kind; }
    State state() const { return m_state; }
    QString resourceVersion() const { return m_resourceVersion; }
    int listCount() const { return m_lists; } // completed lists (the first one and every relist)
    int watchCount() const { return m_watches; } // watch requests made
    std::chrono::milliseconds nextBackoff() const { return m_backoff; }

Q_SIGNALS:
    void listed(const QList<Specula::Kube::Resource> &objects);
    void changed(const QList<Specula::Kube::WatchEvent> &events);
    void stateChanged(Specula::Kube::Informer::State state);
    void failed(const Specula::Core::Error &error);

private:
    void list();
    void watch();
    void pollLater();
    void setState(State state);
    void retryLater(void (Informer::*what)());
    static bool retryable(const Core::Error &error);

    KubeClient *m_client;
    ResourceKind m_kind;
    ListOptions m_listOptions;
    WatchOptions m_watchOptions;
    QPointer<ListJob> m_listJob;
    QPointer<WatchJob> m_watchJob;
    QList<Resource> m_listed;
    QString m_resourceVersion;
    QTimer m_retryTimer;
    std::chrono::milliseconds m_initialBackoff { 500 };
    std::chrono::milliseconds m_maxBackoff { 30000 };
    std::chrono::milliseconds m_backoff { 500 };
    std::chrono::milliseconds m_pollInterval { 0 };
    State m_state = State::Idle;
    int m_lists = 0;
    int m_watches = 0;
};

} // namespace Specula::Kube
