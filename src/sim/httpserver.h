// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrlQuery>
#include <functional>
#include <optional>

class QTcpServer;
class QTcpSocket;

namespace Specula::Sim {

// One parsed HTTP/1.1 request. Header names are lower case.
struct HttpRequest
{
    QByteArray method;
    QString path; // percent-decoded, without the query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;
    QSslCertificate peerCertificate; // null without TLS or when the client sent none
    bool peerCertificateVerified = false; // the handshake verified it against the configured CAs

    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
    QString queryValue(const QString &key) const { return query.queryItemValue(key, QUrl::FullyDecoded); }
};

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

// Answers one request: either a whole response (send) or a chunked stream (beginStream, writeChunk,
// endStream). It is owned by its connection and dies with it; hold it in a QPointer.
class HttpResponder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpResponder)
public:
    HttpResponder(QTcpSocket *socket, bool acceptsGzip, bool keepAlive, QObject *parent);

    void send(int status, const QByteArray &body, const QByteArray &contentType = "application/json",
              const HttpHeaders &extraHeaders = {});
    void beginStream(int status, const QByteArray &contentType, const HttpHeaders &extraHeaders = {});
    void writeChunk(const QByteArray &data);
    void endStream();
    // Fault injection: promise the whole body but write only a part of it, then close.
    // With abort, the connection is reset instead of closed (a dropped connection).
    void sendTruncated(int status, const QByteArray &body, const QByteArray &contentType = "application/json",
                       bool abort = false);
    // Fault injection: close the connection without a complete response.
    void abortConnection();

    bool isFinished() const { return m_finished; }
    bool isStreaming() const { return m_streaming; }

    static QByteArray gzip(const QByteArray &data, int level);
    static QByteArray reasonPhrase(int status);

Q_SIGNALS:
    void finished(); // the response is complete, the connection may serve the next request
    void clientGone(); // the client closed the connection (or it was aborted)

private:
    QByteArray statusAndHeaders(int status, const QByteArray &contentType, const HttpHeaders &extra) const;
    void finish();

    QPointer<QTcpSocket> m_socket;
    bool m_acceptsGzip = false;
    bool m_keepAlive = true;
    bool m_streaming = false;
    bool m_finished = false;
    friend class HttpConnection;
};

// A small HTTP/1.1 server over QTcpServer or QSslServer: keep-alive, Content-Length requests,
// whole or chunked responses, gzip for large bodies. Handlers run on the server's thread.
class HttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)
public:
    using Handler = std::function<void(const HttpRequest &, HttpResponder *)>;

    explicit HttpServer(Handler handler, QObject *parent = nullptr);
    ~HttpServer() override;

    // tls: the server certificate/key plus the CAs that client certificates are checked against.
    bool listen(const QHostAddress &address, quint16 port, const std::optional<QSslConfiguration> &tls, QString *error);
    quint16 port() const;
    void close();

private:
    void acceptPending();

    Handler m_handler;
    QTcpServer *m_server = nullptr;
};

} // namespace Specula::Sim
