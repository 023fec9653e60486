// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/httpserver.h"

#include <QDateTime>
#include <QLocale>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUuid>
#include <zlib.h>

namespace Specula::Sim {

namespace {
constexpr qsizetype maxHeaderBytes = 64 * 1024;
constexpr qsizetype maxBodyBytes = 16 * 1024 * 1024;
constexpr qsizetype gzipThreshold = 128 * 1024; // as the apiserver: only large bodies are compressed
constexpr int handshakeTimeoutMs = 120 * 1000;
} // namespace

HttpResponder::HttpResponder(QTcpSocket *socket, bool acceptsGzip, bool keepAlive, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_acceptsGzip(acceptsGzip)
    , m_keepAlive(keepAlive)
{ }

QByteArray HttpResponder::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 410:
        return "Gone";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QByteArray HttpResponder::statusAndHeaders(int status, const QByteArray &contentType, const HttpHeaders &extra) const
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += "Audit-Id: " + QUuid::createUuid().toByteArray(QUuid::WithoutBraces) + "\r\n";
    out += "Cache-Control: no-cache, private\r\n";
    out += "Date: "
        + QLocale::c().toString(QDateTime::currentDateTimeUtc(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'").toLatin1()
        + "\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    for (const auto &[name, value] : extra)
        out += name + ": " + value + "\r\n";
    if (!m_keepAlive)
        out += "Connection: close\r\n";
    return out;
}

void HttpResponder::send(int status, const QByteArray &body, const QByteArray &contentType,
                         const HttpHeaders &extraHeaders)
{
    if (m_finished || m_streaming || !m_socket)
        return;
    HttpHeaders headers = extraHeaders;
    QByteArray payload = body;
    if (m_acceptsGzip && payload.size() > gzipThreshold) {
        payload = gzip(payload, 1);
        headers.append(std::pair<QByteArray, QByteArray>("Content-Encoding", "gzip"));
    }
    QByteArray out = statusAndHeaders(status, contentType, headers);
    out += "Content-Length: " + QByteArray::number(payload.size()) + "\r\n\r\n";
    m_socket->write(out);
    m_socket->write(payload);
    finish();
}

void HttpResponder::sendTruncated(int status, const QByteArray &body, const QByteArray &contentType, bool abort)
{
    if (m_finished || m_streaming || !m_socket)
        return;
    QByteArray out = statusAndHeaders(status, contentType, {});
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
    m_socket->write(out);
    m_socket->write(body.left(body.size() / 2));
    m_keepAlive = false;
    m_finished = true;
    if (abort) {
        m_socket->flush();
        m_socket->abort();
    } else {
        m_socket->disconnectFromHost();
    }
}

void HttpResponder::abortConnection()
{
    if (m_finished || !m_socket)
        return;
    m_finished = true;
    m_keepAlive = false;
    m_socket->abort();
}

void HttpResponder::beginStream(int status, const QByteArray &contentType, const HttpHeaders &extraHeaders)
{
    if (m_finished || m_streaming || !m_socket)
        return;
    m_streaming = true;
    QByteArray out = statusAndHeaders(status, contentType, extraHeaders);
    out += "Transfer-Encoding: chunked\r\n\r\n";
    m_socket->write(out);
}

void HttpResponder::writeChunk(const QByteArray &data)
{
    if (m_finished || !m_streaming || !m_socket || data.isEmpty())
        return;
    m_socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
}

void HttpResponder::endStream()
{
    if (m_finished || !m_streaming || !m_socket)
        return;
    m_socket->write("0\r\n\r\n");
    finish();
}

void HttpResponder::finish()
{
    m_finished = true;
    Q_EMIT finished();
}

QByteArray HttpResponder::gzip(const QByteArray &data, int level)
{
    z_stream stream {};
    // windowBits 15 + 16 asks zlib for a gzip header and trailer instead of a zlib one.
    if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out;
    out.resize(qsizetype(deflateBound(&stream, uLong(data.size()))) + 32);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return out;
}

// One client connection: parses requests one after the other and hands each to the handler.
class HttpConnection final : public QObject
{
public:
    HttpConnection(QTcpSocket *socket, const HttpServer::Handler &handler, QObject *parent)
        : QObject(parent)
        , m_socket(socket)
        , m_handler(handler)
    {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::parse);
        connect(socket, &QTcpSocket::disconnected, this, &HttpConnection::gone);
        if (auto *ssl = qobject_cast<QSslSocket *>(socket)) {
            m_peerCertificate = ssl->peerCertificate();
            // With QueryPeer the handshake goes on despite errors; they tell whether the client
            // certificate chains to the simulator's CA.
            m_peerVerified = !m_peerCertificate.isNull() && ssl->sslHandshakeErrors().isEmpty();
        }
        QMetaObject::invokeMethod(this, &HttpConnection::parse, Qt::QueuedConnection);
    }

private:
    void gone()
    {
        if (m_responder && !m_responder->isFinished()) {
            m_responder->m_finished = true;
            Q_EMIT m_responder->clientGone();
        }
        deleteLater();
    }

    void fail(int status)
    {
        HttpResponder responder(m_socket, false, false, nullptr);
        responder.send(status, QByteArray());
        m_socket->disconnectFromHost();
    }

    void parse()
    {
        if (m_responder || !m_socket)
            return;
        m_buffer += m_socket->readAll();
        const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            if (m_buffer.size() > maxHeaderBytes)
                fail(431);
            return;
        }
        const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
            fail(400);
            return;
        }
        HttpRequest request;
        request.method = requestLine.at(0);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (request.headers.contains(name))
                request.headers[name] += ", " + value;
            else
                request.headers.insert(name, value);
        }
        if (request.headers.contains("transfer-encoding")) {
            fail(411);
            return;
        }
        bool ok = true;
        const qint64 length = request.headers.value("content-length", "0").toLongLong(&ok);
        if (!ok || length < 0 || length > maxBodyBytes) {
            fail(413);
            return;
        }
        if (m_buffer.size() < headerEnd + 4 + length)
            return;
        request.body = m_buffer.mid(headerEnd + 4, length);
        m_buffer.remove(0, headerEnd + 4 + length);

        const QUrl target(QString::fromLatin1("http://host") + QString::fromLatin1(requestLine.at(1)));
        request.path = target.path(QUrl::FullyDecoded);
        request.query = QUrlQuery(target);
        request.peerCertificate = m_peerCertificate;
        request.peerCertificateVerified = m_peerVerified;

        const bool keepAlive = request.header("connection").toLower() != "close" && requestLine.at(2) == "HTTP/1.1";
        const bool gzip = request.header("accept-encoding").contains("gzip");
        m_responder = new HttpResponder(m_socket, gzip, keepAlive, this);
        connect(m_responder, &HttpResponder::finished, this, &HttpConnection::responseDone, Qt::QueuedConnection);
        m_handler(request, m_responder);
    }

    void responseDone()
    {
        if (!m_responder)
            return;
        const bool keepAlive = m_responder->m_keepAlive;
        m_responder->deleteLater();
        m_responder = nullptr;
        if (!keepAlive) {
            if (m_socket)
                m_socket->disconnectFromHost();
            return;
        }
        parse();
    }

    QPointer<QTcpSocket> m_socket;
    HttpServer::Handler m_handler;
    QByteArray m_buffer;
    QPointer<HttpResponder> m_responder;
    QSslCertificate m_peerCertificate;
    bool m_peerVerified = false;
};

HttpServer::HttpServer(Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
{ }

HttpServer::~HttpServer() = default;

bool HttpServer::listen(const QHostAddress &address, quint16 port, const std::optional<QSslConfiguration> &tls,
                        QString *error)
{
    close();
    if (tls) {
        auto *server = new QSslServer(this);
        server->setSslConfiguration(*tls);
        // Qt drops a connection whose handshake has not finished in 5 s. The simulator's one
        // thread can be busy that long evaluating a query over 40,000 series, and clients then
        // saw "Connection closed"; an API server does not hang up on them.
        server->setHandshakeTimeout(handshakeTimeoutMs);
        m_server = server;
    } else {
        m_server = new QTcpServer(this);
    }
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &HttpServer::acceptPending);
    if (!m_server->listen(address, port)) {
        if (error)
            *error = m_server->errorString();
        delete m_server;
        m_server = nullptr;
        return false;
    }
    return true;
}

quint16 HttpServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

void HttpServer::close()
{
    if (!m_server)
        return;
    m_server->close();
    delete m_server;
    m_server = nullptr;
}

void HttpServer::acceptPending()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        new HttpConnection(socket, m_handler, this);
    }
}

} // namespace Specula::Sim
