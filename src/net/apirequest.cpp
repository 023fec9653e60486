// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/apirequest.h"

#include "core/logging.h"
#include "core/offthread.h"
#include "net/contentdecoding.h"
#include "net/replyerror.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>
#include <utility>

namespace Specula::Net {

namespace {

// Bodies below this are joined and inflated in place; larger ones on a worker thread.
constexpr qint64 decodeInPlaceBelow = 64 * 1024;

} // namespace

ApiRequest::ApiRequest(QNetworkAccessManager *nam, std::shared_ptr<const ConnectionContext> context, QUrl url,
                       RequestOptions options, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_context(std::move(context))
    , m_url(std::move(url))
    , m_options(options)
{ }

ApiRequest::~ApiRequest()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        delete m_reply;
    }
}

QString ApiRequest::safeUrl(const QUrl &url)
{
    return url.toString(QUrl::RemoveUserInfo);
}

QByteArray ApiRequest::rawHeader(const QByteArray &name) const
{
    for (const auto &header : m_headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

void ApiRequest::start()
{
    m_elapsed.start();
    fetchCredentialsAndSend();
}

void ApiRequest::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    if (m_reply) {
        m_reply->abort(); // finished() follows synchronously with OperationCanceledError
        return;
    }
    // Still waiting for credentials: nothing on the wire yet.
    finish(Core::Error { Core::Error::Kind::Cancelled, QStringLiteral("cancelled"), safeUrl(m_url), 0, {} });
}

void ApiRequest::fetchCredentialsAndSend()
{
    if (!m_context->credentials) {
        send(Credentials());
        return;
    }
    m_context->credentials->fetch(this, [this](const Core::Result<Credentials> &credentials) {
        if (m_finished || m_cancelled)
            return;
        if (!credentials) {
            Core::Error error = credentials.error();
            if (error.where.isEmpty())
                error.where = safeUrl(m_url);
            finish(error);
            return;
        }
        send(*credentials);
    });
}

void ApiRequest::send(const Credentials &credentials)
{
    QNetworkRequest request(m_url);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "specula");
    if (!credentials.authorization.isEmpty())
        request.setRawHeader("Authorization", credentials.authorization);
    // Setting Accept-Encoding ourselves turns QNAM's transparent gzip off: Qt would inflate on
    // this (the GUI) thread, so bodies are inflated on a worker in decoded(). Streams (watches)
    // arrive in small pieces and keep Qt's own inflating.
    if (m_context->disableCompression)
        request.setRawHeader("Accept-Encoding", "identity");
    else if (!m_options.streaming)
        request.setRawHeader("Accept-Encoding", "gzip");
    request.setTransferTimeout(int(m_options.transferTimeout.count()));
    request.setDecompressedSafetyCheckThreshold(m_options.maxBodySize);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);

    if (m_url.scheme() == QLatin1String("https")) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (!m_context->caCertificates.isEmpty())
            ssl.setCaCertificates(m_context->caCertificates);
        ssl.setPeerVerifyMode(m_context->insecureSkipTlsVerify ? QSslSocket::VerifyNone : QSslSocket::VerifyPeer);
        if (!credentials.clientCertificate.isNull()) {
            ssl.setLocalCertificate(credentials.clientCertificate);
            ssl.setPrivateKey(credentials.clientKey);
        }
        request.setSslConfiguration(ssl);
        if (!m_context->tlsServerName.isEmpty())
            request.setPeerVerifyName(m_context->tlsServerName);
    }

    m_httpStatus = 0;
    m_headers.clear();
    m_sslErrors.clear();
    m_body.clear();
    m_bodySize = 0;
    for (const auto &header : m_options.headers)
        request.setRawHeader(header.first, header.second);

    if (m_options.method == "GET") {
        m_reply = m_nam->get(request);
    } else {
        if (!m_options.contentType.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, m_options.contentType);
        m_reply = m_nam->sendCustomRequest(request, m_options.method, m_options.body);
    }
    m_reply->setParent(this);
    connect(m_reply, &QNetworkReply::metaDataChanged, this,
            [this] { m_httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(); });
    connect(m_reply, &QNetworkReply::readyRead, this, &ApiRequest::onReadyRead);
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        for (const QSslError &error : errors)
            m_sslErrors << error.errorString();
    });
    connect(m_reply, &QNetworkReply::finished, this, &ApiRequest::onReplyFinished);
}

void ApiRequest::onReadyRead()
{
    if (!m_reply)
        return;
    m_httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool success = m_httpStatus >= 200 && m_httpStatus < 300;
    if (m_options.streaming && success) {
        Q_EMIT dataReceived(m_reply->readAll());
        return;
    }
    // Kept as the pieces that arrived: joining or inflating a large body happens on a worker in
    // finishDecoded(), not here.
    QByteArray piece = m_reply->readAll();
    m_bodySize += piece.size();
    m_body.append(std::move(piece));
    if (m_bodySize > m_options.maxBodySize) {
        m_tooLarge = true;
        m_cancelled = true;
        m_reply->abort();
    }
}

void ApiRequest::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    reply->disconnect(this);

    m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_headers = reply->rawHeaderPairs();
    const bool success = m_httpStatus >= 200 && m_httpStatus < 300;
    qCDebug(lcNet).noquote() << m_options.method << safeUrl(m_url) << m_httpStatus << reply->error()
                             << m_elapsed.elapsed() << "ms";

    if (m_httpStatus == 401 && m_context->credentials && !m_retriedAfter401 && !m_cancelled) {
        // The cached credentials may have expired early (token rotated, plugin cache stale).
        m_retriedAfter401 = true;
        m_context->credentials->invalidate();
        qCInfo(lcNet).noquote() << m_options.method << safeUrl(m_url)
                                << "401: refreshing credentials and retrying once";
        fetchCredentialsAndSend();
        return;
    }

    ReplyFacts facts;
    facts.error = reply->error();
    facts.httpStatus = m_httpStatus;
    facts.reasonPhrase = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    facts.errorString = reply->errorString();
    facts.sslErrors = m_sslErrors;
    facts.where = safeUrl(m_url);
    facts.cancelledByCaller = m_cancelled && !m_tooLarge;
    facts.tooLarge = m_tooLarge;
    // A reply that failed before connecting was never opened; reading it only logs a warning.
    QByteArrayList body = std::exchange(m_body, {});
    qint64 bodySize = std::exchange(m_bodySize, 0);
    if (reply->isOpen()) {
        QByteArray rest = reply->readAll();
        bodySize += rest.size();
        if (!rest.isEmpty())
            body.append(std::move(rest));
    }
    const QByteArray contentEncoding = reply->rawHeader("Content-Encoding");
    // Error pages are small; whatever cannot be inflated is kept as it came. A larger body is an
    // answer cut off or cancelled mid-transfer: it says nothing about the error, and inflating
    // tens of megabytes here would hold up the GUI thread.
    if ((!success || facts.error != QNetworkReply::NoError) && !facts.cancelledByCaller
        && bodySize < decodeInPlaceBelow) {
        const BodyResult decoded = decodeContent(body, contentEncoding, m_options.maxBodySize, facts.where);
        facts.body = decoded ? *decoded : body.join();
        m_errorBody = facts.body;
    }
    if (auto error = ReplyError::map(facts)) {
        if (error->kind != Core::Error::Kind::Cancelled)
            qCInfo(lcNet).noquote() << m_options.method << facts.where << "failed after" << m_elapsed.elapsed()
                                    << "ms:" << error->toString();
        finish(*error);
        return;
    }
    if (m_options.streaming) {
        if (bodySize > 0)
            Q_EMIT dataReceived(body.join());
        finish(QByteArray());
        return;
    }
    finishDecoded(std::move(body), bodySize, contentEncoding);
}

void ApiRequest::finishDecoded(QByteArrayList body, qint64 bodySize, const QByteArray &contentEncoding)
{
    if (m_options.encodedBody) {
        m_encodedBody = EncodedBody { std::move(body), contentEncoding, bodySize, m_options.maxBodySize };
        finish(QByteArray());
        m_encodedBody = {};
        return;
    }
    const QString where = safeUrl(m_url);
    if (bodySize < decodeInPlaceBelow) {
        finish(decodeContent(body, contentEncoding, m_options.maxBodySize, where));
        return;
    }
    Core::runOffThread(
        this,
        [body = std::move(body), contentEncoding, maxSize = m_options.maxBodySize, where] {
            return decodeContent(body, contentEncoding, maxSize, where);
        },
        [this](const BodyResult &decoded) { finish(decoded); });
}

void ApiRequest::finish(const BodyResult &result)
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(result);
    deleteLater();
}

} // namespace Specula::Net
