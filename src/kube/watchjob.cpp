// SPDX-License-Identifier: GPL-3.0-or-later
#include "kube/watchjob.h"

#include "core/logging.h"
#include "kube/resourceparsers.h"
#include "net/apiconnection.h"
#include "net/replyerror.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace Specula::Kube {
namespace {

// One event larger than this is not a Kubernetes object; stop before memory runs away.
constexpr qsizetype kMaxLine = qsizetype(64) << 20;

} // namespace

WatchJob::WatchJob(Net::ApiConnection *connection, ResourceKind kind, QString path, QString resourceVersion,
                   WatchOptions options, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_kind(kind)
    , m_path(std::move(path))
    , m_resourceVersion(std::move(resourceVersion))
    , m_options(std::move(options))
{ }

WatchJob::~WatchJob()
{
    if (m_request) {
        m_request->disconnect(this);
        m_request->cancel();
    }
}

void WatchJob::start()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("watch"), QStringLiteral("1"));
    query.addQueryItem(QStringLiteral("allowWatchBookmarks"), QStringLiteral("true"));
    if (!m_resourceVersion.isEmpty())
        query.addQueryItem(QStringLiteral("resourceVersion"), m_resourceVersion);
    query.addQueryItem(QStringLiteral("timeoutSeconds"), QString::number(m_options.serverTimeout.count()));
    if (!m_options.labelSelector.isEmpty())
        query.addQueryItem(QStringLiteral("labelSelector"), m_options.labelSelector);
    if (!m_options.fieldSelector.isEmpty())
        query.addQueryItem(QStringLiteral("fieldSelector"), m_options.fieldSelector);
    Net::RequestOptions options;
    options.streaming = true;
    options.transferTimeout = m_options.transferTimeout;
    m_started.start();
    m_request = m_connection->get(m_path, query, options);
    connect(m_request, &Net::ApiRequest::dataReceived, this, &WatchJob::onData);
    connect(m_request, &Net::ApiRequest::finished, this, [this](const Net::BodyResult &result) {
        m_request = nullptr;
        if (m_done)
            return;
        if (!result) {
            fail(result.error());
            return;
        }
        // A last line without its newline still counts.
        handle(consumeLines(m_kind, m_buffer, m_connection->url(m_path).toString(QUrl::RemoveUserInfo), true));
        if (m_done)
            return;
        m_done = true;
        qCDebug(lcKube).noquote() << "watch" << m_path << "ended after" << m_started.elapsed() << "ms," << m_events
                                  << "events";
        Q_EMIT finished();
        deleteLater();
    });
}

void WatchJob::cancel()
{
    m_done = true;
    if (m_request) {
        m_request->disconnect(this);
        m_request->cancel();
    }
    deleteLater();
}

WatchJob::Batch WatchJob::consumeLines(ResourceKind kind, QByteArray &buffer, const QString &where, bool flush)
{
    Batch batch;
    Core::TextPool pool;
    qsizetype start = 0;
    while (start < buffer.size() && !batch.error) {
        qsizetype end = buffer.indexOf('\n', start);
        if (end < 0) {
            if (!flush)
                break;
            end = buffer.size();
        }
        const QByteArrayView line = QByteArrayView(buffer).sliced(start, end - start).trimmed();
        start = end + 1;
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &parseError);
        if (!document.isObject()) {
            batch.error = Core::Error { Core::Error::Kind::Parse,
                                        QStringLiteral("malformed watch event: %1").arg(parseError.errorString()),
                                        where,
                                        0,
                                        {} };
            break;
        }
        const QJsonObject event = document.object();
        const QString type = event.value(QLatin1String("type")).toString();
        const QJsonObject object = event.value(QLatin1String("object")).toObject();
        const QString version
            = object.value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion")).toString();
        if (type == QLatin1String("BOOKMARK")) {
            batch.bookmark = true;
            if (!version.isEmpty())
                batch.resourceVersion = version;
            continue;
        }
        if (type == QLatin1String("ERROR")) {
            const std::optional<Net::KubeStatus> status = Net::ReplyError::statusFromObject(object);
            const int code = status ? status->code : 0;
            batch.error = Net::ReplyError::fromStatus(code ? code : 500, status, where);
            if (status && (status->reason == QLatin1String("Expired") || status->reason == QLatin1String("Gone")))
                batch.error->kind = Core::Error::Kind::Gone;
            break;
        }
        WatchEvent watchEvent;
        if (type == QLatin1String("ADDED"))
            watchEvent.type = WatchEvent::Type::Added;
        else if (type == QLatin1String("MODIFIED"))
            watchEvent.type = WatchEvent::Type::Modified;
        else if (type == QLatin1String("DELETED"))
            watchEvent.type = WatchEvent::Type::Deleted;
        else {
            batch.error = Core::Error {
                Core::Error::Kind::Parse, QStringLiteral("unknown watch event type \"%1\"").arg(type), where, 0, {}
            };
            break;
        }
        Core::Result<Resource> parsed = ResourceParsers::parseObject(kind, object, &pool);
        if (!parsed) {
            batch.error = parsed.error();
            break;
        }
        watchEvent.object = std::move(parsed).value();
        batch.events.append(std::move(watchEvent));
        if (!version.isEmpty())
            batch.resourceVersion = version;
    }
    buffer.remove(0, std::min(start, buffer.size()));
    if (!batch.error && buffer.size() > kMaxLine) {
        batch.error = Core::Error {
            Core::Error::Kind::Parse, QStringLiteral("watch event larger than %1 MiB").arg(kMaxLine >> 20), where, 0, {}
        };
    }
    return batch;
}

void WatchJob::onData(const QByteArray &chunk)
{
    if (m_done)
        return;
    m_buffer += chunk;
    if (!m_buffer.contains('\n') && m_buffer.size() <= kMaxLine)
        return;
    handle(consumeLines(m_kind, m_buffer, m_connection->url(m_path).toString(QUrl::RemoveUserInfo)));
}

void WatchJob::handle(Batch batch)
{
    if (!batch.resourceVersion.isEmpty())
        m_resourceVersion = batch.resourceVersion;
    QPointer<WatchJob> self(this);
    if (!batch.events.isEmpty()) {
        m_events += batch.events.size();
        Q_EMIT events(batch.events);
        if (!self || m_done)
            return;
    }
    if (batch.bookmark) {
        Q_EMIT bookmark(m_resourceVersion);
        if (!self || m_done)
            return;
    }
    if (batch.error)
        fail(*batch.error);
}

void WatchJob::fail(const Core::Error &error)
{
    if (m_done)
        return;
    m_done = true;
    if (m_request) {
        m_request->disconnect(this);
        m_request->cancel();
    }
    Q_EMIT failed(error);
    deleteLater();
}

} // namespace Specula::Kube
