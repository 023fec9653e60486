// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "kube/listoptions.h"
#include "kube/resourcekind.h"
#include "kube/resources.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

namespace Specula::Net {
class ApiConnection;
class ApiRequest;
} // namespace Specula::Net

namespace Specula::Kube {

struct WatchEvent
{
    enum class Type { Added, Modified, Deleted };
    Type type = Type::Added;
    Resource object;
};

// One watch stream (?watch=1&allowWatchBookmarks=true&resourceVersion=…). Events may be split
// across chunks; complete lines are parsed and emitted in batches, one batch per arrival.
// Emits exactly one of finished() (the server closed the stream normally) or failed() — Kind::Gone
// for HTTP 410 or an ERROR event with code 410 (reason Expired or Gone), which calls for a relist.
// Deletes itself afterwards. Create it through KubeClient::watch().
class WatchJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WatchJob)

public:
    WatchJob(Net::ApiConnection *connection, ResourceKind kind, QString path, QString resourceVersion,
             WatchOptions options, QObject *parent = nullptr);
    ~WatchJob() override;

    void start();
    void cancel(); // stops without emitting anything more

    // The version to resume from: the last event's or bookmark's.
    QString resourceVersion() const { return m_resourceVersion; }
    qint64 eventCount() const { return m_events; }
    qint64 uptimeMs() const { return m_started.isValid() ? m_started.elapsed() : 0; }

    // Splits `buffer` into complete lines (consuming them) and turns them into events; exposed
    // for tests on recorded streams. Returns an error for a malformed line or an ERROR event.
    struct Batch
    {
        QList<WatchEvent> events;
        QString resourceVersion; // the newest seen, empty if none
        bool bookmark = false;
        std::optional<Core::Error> error;
    };
    static Batch consumeLines(ResourceKind kind, QByteArray &buffer, const QString &where, bool flush = false);

Q_SIGNALS:
    void events(const QList<Specula::Kube::WatchEvent> &events);
    void bookmark(const QString &resourceVersion);
    void finished();
    void failed(const Specula::Core::Error &error);

private:
    void onData(const QByteArray &chunk);
    void handle(Batch batch);
    void fail(const Core::Error &error);

    Net::ApiConnection *m_connection;
    ResourceKind m_kind;
    QString m_path;
    QString m_resourceVersion;
    WatchOptions m_options;
    QPointer<Net::ApiRequest> m_request;
    QByteArray m_buffer;
    QElapsedTimer m_started;
    qint64 m_events = 0;
    bool m_done = false;
};

} // namespace Specula::Kube
