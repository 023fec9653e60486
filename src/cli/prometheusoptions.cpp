// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/prometheusoptions.h"

#include <QCommandLineParser>
#include <QFile>

namespace Specula::Cli {

void PrometheusOptions::addTo(QCommandLineParser &parser)
{
    parser.addOption({ QStringLiteral("prometheus"),
                       QStringLiteral("Where Prometheus is: auto (find it through the API server), none, a URL, or "
                                      "service:NAMESPACE/[https:]NAME:PORT. Default: auto."),
                       QStringLiteral("where"), QStringLiteral("auto") });
    parser.addOption({ QStringLiteral("prometheus-token-file"),
                       QStringLiteral("Send the bearer token in this file to a Prometheus URL."),
                       QStringLiteral("file") });
    parser.addOption({ QStringLiteral("prometheus-user"),
                       QStringLiteral("Basic auth user for a Prometheus URL; the password comes from "
                                      "SPECULA_PROMETHEUS_PASSWORD."),
                       QStringLiteral("name") });
    parser.addOption({ QStringLiteral("prometheus-header"),
                       QStringLiteral("Send this header to Prometheus, e.g. \"X-Scope-OrgID: team-a\" (repeatable)."),
                       QStringLiteral("header") });
    parser.addOption({ QStringLiteral("prometheus-ca"),
                       QStringLiteral("Verify a Prometheus URL's certificate with this PEM file."),
                       QStringLiteral("file") });
    parser.addOption(
        { QStringLiteral("prometheus-insecure"), QStringLiteral("Do not verify a Prometheus URL's certificate.") });
}

Core::Result<Model::PrometheusSettings> PrometheusOptions::from(const QCommandLineParser &parser,
                                                                const ConnectionOptions &connection)
{
    Model::PrometheusSettings result
        = connection.profile ? connection.profile->prometheus : Model::PrometheusSettings {};
    if (parser.isSet(QStringLiteral("prometheus"))) {
        auto settings = Model::PrometheusSettings::parse(parser.value(QStringLiteral("prometheus")));
        if (!settings)
            return settings;
        result = settings.value();
    }
    if (parser.isSet(QStringLiteral("prometheus-header"))) {
        result.headers.clear();
        for (const QString &text : parser.values(QStringLiteral("prometheus-header"))) {
            auto header = Model::PrometheusSettings::parseHeader(text);
            if (!header)
                return header.error();
            result.headers.append(header.value());
        }
    }
    if (const QString path = parser.value(QStringLiteral("prometheus-token-file")); !path.isEmpty()) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            Core::Error error;
            error.kind = Core::Error::Kind::Config;
            error.where = path;
            error.message = QStringLiteral("cannot read the Prometheus token: %1").arg(file.errorString());
            return error;
        }
        result.bearerToken = QString::fromUtf8(file.readAll()).trimmed();
    }
    if (parser.isSet(QStringLiteral("prometheus-user"))) {
        result.username = parser.value(QStringLiteral("prometheus-user"));
        result.password = qEnvironmentVariable("SPECULA_PROMETHEUS_PASSWORD");
    }
    if (parser.isSet(QStringLiteral("prometheus-ca")))
        result.caFile = parser.value(QStringLiteral("prometheus-ca"));
    if (parser.isSet(QStringLiteral("prometheus-insecure")))
        result.insecureSkipTlsVerify = true;
    return result;
}

bool PrometheusOptions::takesProfileSecrets(const ConnectionOptions &connection,
                                            const Model::PrometheusSettings &settings)
{
    return connection.profile && settings.mode == Model::PrometheusSettings::Mode::Url
        && settings.url == connection.profile->prometheus.url;
}

} // namespace Specula::Cli
