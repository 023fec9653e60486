// SPDX-License-Identifier: GPL-3.0-or-later
#include "prom/promjob.h"

#include "core/offthread.h"
#include "net/apirequest.h"
#include "prom/promparsers.h"

#include <QJsonDocument>

namespace Specula::Prom {

PromJob::PromJob(Net::ApiRequest *request, Answer answer, QObject *parent)
    : QObject(parent)
    , m_request(request)
    , m_answer(answer)
{
    connect(request, &Net::ApiRequest::finished, this, &PromJob::onRequestFinished);
}

PromJob::~PromJob()
{
    if (m_request) {
        m_request->disconnect(this);
        m_request->cancel();
    }
}

void PromJob::cancel()
{
    if (m_done)
        return;
    m_done = true;
    if (m_request) {
        m_request->disconnect(this);
        m_request->cancel();
    }
    deleteLater();
}

Core::Result<PromResponse> PromJob::parse(Answer answer, const Net::EncodedBody &body, int httpStatus,
                                          const QString &where, const SeriesVisitor &visit)
{
    if (answer == Answer::Query) {
        const auto decode = [&body, &where](const Net::DecodedPieceSink &sink) {
            return Net::decodeContentInPieces(body.pieces, body.contentEncoding, body.maxDecodedSize, where, sink);
        };
        return PromParsers::parseQueryPieces(decode, httpStatus, where, visit);
    }
    // The other answers are small enough to read whole.
    const Core::Result<QByteArray> text
        = Net::decodeContent(body.pieces, body.contentEncoding, body.maxDecodedSize, where);
    if (!text)
        return text.error();
    switch (answer) {
    case Answer::Query: // read above
        break;
    case Answer::Series:
        return PromParsers::parseSeries(*text, httpStatus, where);
    case Answer::Names:
        return PromParsers::parseNames(*text, httpStatus, where);
    case Answer::BuildInfo:
        return PromParsers::parseBuildInfo(*text, httpStatus, where);
    }
    return Core::Error { Core::Error::Kind::Parse, QStringLiteral("unknown answer type"), where, httpStatus, {} };
}

void PromJob::onRequestFinished(const Core::Result<QByteArray> &body)
{
    auto *request = m_request.data();
    m_request = nullptr;
    if (m_done || !request)
        return;
    const int httpStatus = request->httpStatus();
    const QString where = Net::ApiRequest::safeUrl(request->url());
    if (!body) {
        // Only an HTTP answer can carry Prometheus' own explanation; network, TLS and timeout
        // errors stand as they are.
        const Core::Error &error = body.error();
        const QByteArray errorBody = request->errorBody();
        const bool fromServer = error.httpStatus != 0 && error.kind != Core::Error::Kind::Timeout
            && error.kind != Core::Error::Kind::Cancelled && !errorBody.isEmpty();
        if (!fromServer) {
            deliver(error);
            return;
        }
        const Core::Result<Envelope> envelope = PromParsers::parseEnvelope(errorBody, httpStatus, where);
        if (envelope && envelope->status == QLatin1String("error")) {
            deliver(PromParsers::errorFrom(*envelope, httpStatus, where));
            return;
        }
        // Other JSON (a Kubernetes Status from the service proxy) is the HTTP layer's to read;
        // anything else is a gateway's page, named by its status and title or first line.
        const bool json = QJsonDocument::fromJson(errorBody).isObject();
        deliver(json || envelope ? error : envelope.error());
        return;
    }
    Net::EncodedBody encoded = request->takeEncodedBody();
    // The inflated size decides, as a gzip body states it: a few KiB of gzip may inflate to
    // megabytes. A body that does not state it goes to a worker.
    if (const qint64 decoded = encoded.statedDecodedSize(); decoded >= 0 && decoded < workerThreshold) {
        deliver(parse(m_answer, encoded, httpStatus, where, m_visit));
        return;
    }
    Core::runOffThread(
        this,
        [answer = m_answer, encoded = std::move(encoded), httpStatus, where, visit = m_visit] {
            return parse(answer, encoded, httpStatus, where, visit);
        },
        [this](const Core::Result<PromResponse> &result) { deliver(result); });
}

void PromJob::deliver(const Core::Result<PromResponse> &result)
{
    if (m_done)
        return;
    m_done = true;
    if (result)
        Q_EMIT finished(*result);
    else
        Q_EMIT failed(result.error());
    deleteLater();
}

} // namespace Specula::Prom
