// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/apiconnection.h"

#include <QNetworkAccessManager>

namespace Specula::Net {

ApiConnection::ApiConnection(QNetworkAccessManager *nam, ConnectionContext context, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_context(std::make_shared<const ConnectionContext>(std::move(context)))
{
    Q_ASSERT(m_nam);
    // The proxy belongs to the connection, so it goes on the connection's own manager.
    if (m_context->proxy)
        m_nam->setProxy(*m_context->proxy);
}

QUrl ApiConnection::url(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_context->server;
    QString prefix = url.path();
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    url.setPath(prefix + path);
    url.setQuery(query);
    return url;
}

ApiRequest *ApiConnection::get(const QString &path, const QUrlQuery &query, RequestOptions options)
{
    auto *request = new ApiRequest(m_nam, m_context, url(path, query), options, this);
    request->start();
    return request;
}

ApiRequest *ApiConnection::postForm(const QString &path, const QUrlQuery &form, RequestOptions options)
{
    options.method = QByteArrayLiteral("POST");
    options.contentType = QByteArrayLiteral("application/x-www-form-urlencoded");
    // Every byte outside the unreserved set is escaped: a form decoder reads a bare '+' as a space,
    // which QUrlQuery would leave in PromQL such as "a + b".
    QByteArray body;
    const auto items = form.queryItems(QUrl::FullyDecoded);
    for (const auto &item : items) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(item.first) + '=' + QUrl::toPercentEncoding(item.second);
    }
    options.body = body;
    auto *request = new ApiRequest(m_nam, m_context, url(path), options, this);
    request->start();
    return request;
}

} // namespace Specula::Net
