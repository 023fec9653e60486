// SPDX-License-Identifier: GPL-3.0-or-later
#include "prom/promclient.h"

#include "net/apiconnection.h"

#include <QUrlQuery>

namespace Specula::Prom {

namespace {

Net::ConnectionContext contextFor(const PromEndpoint &endpoint)
{
    // The connection appends request paths to the server's own path, so the prefix goes there.
    Net::ConnectionContext context = endpoint.context;
    context.server = endpoint.baseUrl();
    return context;
}

} // namespace

PromClient::PromClient(QNetworkAccessManager *nam, PromEndpoint endpoint, QObject *parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
    , m_connection(new Net::ApiConnection(nam, contextFor(m_endpoint), this))
{
    qRegisterMetaType<PromResponse>();
    qRegisterMetaType<Core::Error>();
}

PromClient::~PromClient() = default;

QString PromClient::timeParameter(const QDateTime &time)
{
    return QString::number(double(time.toMSecsSinceEpoch()) / 1000.0, 'f', 3);
}

PromJob *PromClient::post(const QString &path, const QUrlQuery &form, PromJob::Answer answer)
{
    Net::RequestOptions options;
    options.transferTimeout = m_endpoint.timeout;
    options.headers = m_endpoint.headers;
    options.encodedBody = true;
    return new PromJob(m_connection->postForm(path, form, options), answer, this);
}

PromJob *PromClient::get(const QString &path, const QUrlQuery &query, PromJob::Answer answer)
{
    Net::RequestOptions options;
    options.transferTimeout = m_endpoint.timeout;
    options.headers = m_endpoint.headers;
    options.encodedBody = true;
    return new PromJob(m_connection->get(path, query, options), answer, this);
}

PromJob *PromClient::query(const QString &expr, const QDateTime &time)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("query"), expr);
    if (time.isValid())
        form.addQueryItem(QStringLiteral("time"), timeParameter(time));
    return post(QStringLiteral("/api/v1/query"), form, PromJob::Answer::Query);
}

PromJob *PromClient::queryRange(const QString &expr, const QDateTime &start, const QDateTime &end,
                                std::chrono::seconds step)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("query"), expr);
    form.addQueryItem(QStringLiteral("start"), timeParameter(start));
    form.addQueryItem(QStringLiteral("end"), timeParameter(end));
    form.addQueryItem(QStringLiteral("step"), QString::number(step.count()));
    return post(QStringLiteral("/api/v1/query_range"), form, PromJob::Answer::Query);
}

PromJob *PromClient::series(const QStringList &matchers, const QDateTime &start, const QDateTime &end)
{
    QUrlQuery form;
    for (const QString &matcher : matchers)
        form.addQueryItem(QStringLiteral("match[]"), matcher);
    if (start.isValid())
        form.addQueryItem(QStringLiteral("start"), timeParameter(start));
    if (end.isValid())
        form.addQueryItem(QStringLiteral("end"), timeParameter(end));
    // Matchers can be as long as a query; /api/v1/series takes a form POST too.
    return post(QStringLiteral("/api/v1/series"), form, PromJob::Answer::Series);
}

PromJob *PromClient::labels(const QStringList &matchers)
{
    QUrlQuery query;
    for (const QString &matcher : matchers)
        query.addQueryItem(QStringLiteral("match[]"), matcher);
    return get(QStringLiteral("/api/v1/labels"), query, PromJob::Answer::Names);
}

PromJob *PromClient::labelValues(const QString &name, const QStringList &matchers)
{
    QUrlQuery query;
    for (const QString &matcher : matchers)
        query.addQueryItem(QStringLiteral("match[]"), matcher);
    return get(QStringLiteral("/api/v1/label/%1/values").arg(name), query, PromJob::Answer::Names);
}

PromJob *PromClient::buildInfo()
{
    return get(QStringLiteral("/api/v1/status/buildinfo"), {}, PromJob::Answer::BuildInfo);
}

} // namespace Specula::Prom
