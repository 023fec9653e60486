// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/apirequest.h"
#include "net/connectioncontext.h"

#include <QObject>
#include <QUrlQuery>
#include <memory>

class QNetworkAccessManager;

namespace Specula::Net {

// One API server: the injected QNetworkAccessManager (owned by the caller, one per connection)
// plus the resolved ConnectionContext. Hands out ApiRequests for paths below the server URL
// (which may itself carry a path prefix, as Rancher's proxied clusters do).
class ApiConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiConnection)

public:
    ApiConnection(QNetworkAccessManager *nam, ConnectionContext context, QObject *parent = nullptr);

    const ConnectionContext &context() const { return *m_context; }
    QNetworkAccessManager *networkAccessManager() const { return m_nam; }

    QUrl url(const QString &path, const QUrlQuery &query = {}) const;
    // A started GET; the request deletes itself after finished().
    ApiRequest *get(const QString &path, const QUrlQuery &query = {}, RequestOptions options = {});
    // A started POST of an application/x-www-form-urlencoded body.
    ApiRequest *postForm(const QString &path, const QUrlQuery &form, RequestOptions options = {});

private:
    QNetworkAccessManager *m_nam;
    std::shared_ptr<const ConnectionContext> m_context;
};

} // namespace Specula::Net
