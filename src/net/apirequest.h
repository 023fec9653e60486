// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "net/connectioncontext.h"
#include "net/contentdecoding.h"

#include <QByteArrayList>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <chrono>
#include <memory>
#include <utility>

class QNetworkAccessManager;
class QNetworkReply;

namespace Specula::Net {

struct RequestOptions
{
    // Streaming requests (watches) hand out their body through dataReceived() as it arrives
    // and finish with an empty body.
    bool streaming = false;
    // Inactivity limit: the request fails with Kind::Timeout when no byte arrives for this long.
    std::chrono::milliseconds transferTimeout { 30000 };
    // Bodies above this are aborted; it also raises Qt's decompression-ratio check, which would
    // otherwise reject large, well-compressible Kubernetes lists.
    qint64 maxBodySize = qint64(1) << 30;
    // "GET" or "POST". A POST sends `body` with `contentType` (Prometheus takes long PromQL as a
    // form body because it does not fit a URL).
    QByteArray method = QByteArrayLiteral("GET");
    QByteArray body;
    QByteArray contentType;
    // A successful body comes back as it arrived, not decoded: finished() carries an empty body
    // and takeEncodedBody() the pieces, for a reader that decodes and reads them in one pass
    // (decodeContentInPieces) and so never holds the whole decoded text.
    bool encodedBody = false;
    // Extra request headers, e.g. X-Scope-OrgID for multi-tenant Prometheus back-ends.
    QList<QPair<QByteArray, QByteArray>> headers;
};

using BodyResult = Core::Result<QByteArray>;

// One GET (or POST) against the API server. Owns its QNetworkReply, fetches credentials first, retries
// exactly once after a 401 (invalidating the cached credentials), emits finished() exactly once
// and then deletes itself later. Create it through ApiConnection.
class ApiRequest final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiRequest)

public:
    ApiRequest(QNetworkAccessManager *nam, std::shared_ptr<const ConnectionContext> context, QUrl url,
               RequestOptions options, QObject *parent = nullptr);
    ~ApiRequest() override;

    void start();
    // Aborts; finished() then reports Kind::Cancelled.
    void cancel();

    QUrl url() const { return m_url; }
    int httpStatus() const { return m_httpStatus; }
    QByteArray rawHeader(const QByteArray &name) const;
    // The body of a non-2xx answer, valid while finished() is being emitted: APIs with their own
    // error envelope (Prometheus) explain the failure there.
    QByteArray errorBody() const { return m_errorBody; }
    // With RequestOptions::encodedBody, the successful body, valid while finished() is being
    // emitted; empty otherwise.
    EncodedBody takeEncodedBody() { return std::exchange(m_encodedBody, {}); }
    // The URL as it may appear in logs and messages (no user info).
    static QString safeUrl(const QUrl &url);

Q_SIGNALS:
    void dataReceived(const QByteArray &chunk); // streaming requests with a 2xx status only
    void finished(const Specula::Net::BodyResult &result);

private:
    void fetchCredentialsAndSend();
    void send(const Credentials &credentials);
    void onReadyRead();
    void onReplyFinished();
    // Joins and inflates the body (on a worker when it is large), then finishes with it; or, with
    // RequestOptions::encodedBody, finishes with it as it came.
    void finishDecoded(QByteArrayList body, qint64 bodySize, const QByteArray &contentEncoding);
    void finish(const BodyResult &result);

    QNetworkAccessManager *m_nam;
    std::shared_ptr<const ConnectionContext> m_context;
    QUrl m_url;
    RequestOptions m_options;
    QPointer<QNetworkReply> m_reply;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QStringList m_sslErrors;
    QByteArrayList m_body; // the pieces as they arrived
    qint64 m_bodySize = 0;
    QByteArray m_errorBody;
    EncodedBody m_encodedBody;
    QElapsedTimer m_elapsed;
    int m_httpStatus = 0;
    bool m_retriedAfter401 = false;
    bool m_cancelled = false;
    bool m_tooLarge = false;
    bool m_finished = false;
};

} // namespace Specula::Net
