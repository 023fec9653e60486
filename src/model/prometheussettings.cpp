// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/prometheussettings.h"

#include "kube/staticcredentialsource.h"

#include <QFile>
#include <QRegularExpression>
#include <QSslCertificate>

namespace Specula::Model {
namespace {

Core::Error badSpec(const QString &where, const QString &message)
{
    Core::Error error;
    error.kind = Core::Error::Kind::Config;
    error.where = where;
    error.message = message;
    return error;
}

} // namespace

Core::Result<PrometheusSettings> PrometheusSettings::parse(const QString &spec)
{
    PrometheusSettings settings;
    if (spec.isEmpty() || spec == QLatin1String("auto"))
        return settings;
    if (spec == QLatin1String("none")) {
        settings.mode = Mode::None;
        return settings;
    }
    static const QRegularExpression service(QStringLiteral(
        "^service:([a-z0-9][-a-z0-9]*)/(https:|http:)?([a-z0-9][-a-z0-9]*):([0-9]+|[a-z0-9][-a-z0-9]*)$"));
    if (spec.startsWith(QLatin1String("service:"))) {
        const auto match = service.match(spec);
        if (!match.hasMatch())
            return badSpec(QStringLiteral("--prometheus"),
                           QStringLiteral("'%1' is not service:NAMESPACE/[https:]NAME:PORT").arg(spec));
        settings.mode = Mode::Service;
        settings.ns = match.captured(1);
        settings.https = match.captured(2) == QLatin1String("https:");
        settings.service = match.captured(3);
        settings.port = match.captured(4);
        return settings;
    }
    const QUrl url(spec, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        || url.host().isEmpty()) {
        return badSpec(
            QStringLiteral("--prometheus"),
            QStringLiteral("'%1' is not auto, none, an http(s) URL or service:NAMESPACE/[https:]NAME:PORT").arg(spec));
    }
    settings.mode = Mode::Url;
    settings.url = url;
    return settings;
}

QString PrometheusSettings::spec() const
{
    switch (mode) {
    case Mode::Auto:
        return QStringLiteral("auto");
    case Mode::None:
        return QStringLiteral("none");
    case Mode::Url:
        return url.toString();
    case Mode::Service:
        return QStringLiteral("service:%1/%2%3:%4")
            .arg(ns, https ? QStringLiteral("https:") : QString(), service, port);
    }
    Q_UNREACHABLE();
}

Core::Result<QPair<QByteArray, QByteArray>> PrometheusSettings::parseHeader(const QString &text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    static const QRegularExpression token(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"));
    if (colon <= 0 || !token.match(text.left(colon)).hasMatch())
        return badSpec(QStringLiteral("--prometheus-header"), QStringLiteral("'%1' is not \"Name: value\"").arg(text));
    return QPair<QByteArray, QByteArray>(text.left(colon).toLatin1(), text.mid(colon + 1).trimmed().toUtf8());
}

Core::Result<Prom::PromEndpoint> PrometheusSettings::directEndpoint() const
{
    Prom::PromEndpoint endpoint = Prom::PromEndpoint::direct(url);
    endpoint.headers = headers;
    endpoint.context.insecureSkipTlsVerify = insecureSkipTlsVerify;
    if (!caFile.isEmpty()) {
        QFile file(caFile);
        if (!file.open(QIODevice::ReadOnly))
            return badSpec(caFile, QStringLiteral("cannot read the Prometheus CA file: %1").arg(file.errorString()));
        endpoint.context.caCertificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
        if (endpoint.context.caCertificates.isEmpty())
            return badSpec(caFile, QStringLiteral("no PEM certificate in the Prometheus CA file"));
    }
    Net::Credentials credentials;
    if (!bearerToken.isEmpty())
        credentials.authorization = Kube::StaticCredentialSource::bearer(bearerToken);
    else if (!username.isEmpty())
        credentials.authorization = Kube::StaticCredentialSource::basic(username, password);
    if (!credentials.authorization.isEmpty())
        endpoint.context.credentials = std::make_shared<Kube::StaticCredentialSource>(credentials);
    return endpoint;
}

} // namespace Specula::Model
