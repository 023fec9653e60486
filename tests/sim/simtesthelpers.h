// SPDX-License-Identifier: GPL-3.0-or-later
// What the scenario tests share: a simulated cluster on 127.0.0.1 and HTTPS requests to it.
#pragma once

#include "sim/metricsconfigparser.h"
#include "sim/simserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace Specula::SimTest {

inline QJsonObject byName(const QJsonArray &items, const QString &name)
{
    for (const QJsonValue &item : items) {
        if (item.toObject().value(u"metadata").toObject().value(u"name").toString() == name)
            return item.toObject();
    }
    return {};
}

inline QStringList names(const QJsonArray &items)
{
    QStringList out;
    for (const QJsonValue &item : items)
        out.append(item.toObject().value(u"metadata").toObject().value(u"name").toString());
    out.sort();
    return out;
}

// A scenario with a metrics dialect spec (specula-sim --metrics-dialect) applied over its own.
inline Sim::Scenario scenarioOf(const QString &spec, const QString &dialect = QString())
{
    auto scenario = Sim::loadScenario(spec);
    if (!scenario)
        qFatal("%s", qPrintable(scenario.error().toString()));
    Sim::Scenario loaded = std::move(scenario).value();
    if (!dialect.isEmpty()) {
        auto config = Sim::parseMetricsDialect(dialect, loaded.metrics);
        if (!config)
            qFatal("%s", qPrintable(config.error().toString()));
        loaded.metrics = *config;
    }
    return loaded;
}

inline std::unique_ptr<Sim::SimServer> start(const QString &spec)
{
    auto scenario = Sim::loadScenario(spec);
    if (!scenario)
        qFatal("%s: %s", qPrintable(spec), qPrintable(scenario.error().message));
    Sim::ServerOptions options;
    options.tickMs = -1; // tests call advance()
    auto server = std::make_unique<Sim::SimServer>(std::move(scenario).value(), options);
    if (!server->start())
        qFatal("%s: the server did not start", qPrintable(spec));
    return server;
}

inline QNetworkRequest request(Sim::SimServer &server, const QString &path, const QByteArray &accept = {})
{
    QNetworkRequest r(server.url().resolved(QUrl(path)));
    r.setRawHeader("Authorization", "Bearer " + server.bearerToken());
    if (!accept.isEmpty())
        r.setRawHeader("Accept", accept);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromData(Sim::SimServer::caCertificatePem()));
    r.setSslConfiguration(tls);
    return r;
}

inline std::pair<int, QJsonObject> get(Sim::SimServer &server, const QString &path, const QByteArray &accept = {})
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(request(server, path, accept));
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(20000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    delete reply;
    return { status, body };
}

inline QJsonArray items(Sim::SimServer &server, const QString &path)
{
    const auto [status, body] = get(server, path);
    if (status != 200)
        qWarning("%s: HTTP %d %s", qPrintable(path), status, qPrintable(body.value(u"message").toString()));
    return body.value(u"items").toArray();
}

inline QString selector(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

// kubectl against server; stdout, or a failed check with stderr.
inline QByteArray kubectl(Sim::SimServer &server, const QStringList &args)
{
    const QString program = QStandardPaths::findExecutable(u"kubectl"_qs);
    if (program.isEmpty())
        return "kubectl must be on PATH";
    QTemporaryDir dir;
    const QString kubeconfig = dir.filePath(u"kubeconfig"_qs);
    if (!server.writeKubeconfig(kubeconfig))
        return "no kubeconfig";
    QProcess p;
    p.start(program,
            QStringList { u"--kubeconfig"_qs, kubeconfig, u"--cache-dir"_qs, dir.filePath(u"cache"_qs) } + args);
    // The server answers on this thread's event loop, so wait by spinning it.
    if (!QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, 60000))
        return "kubectl timed out";
    if (p.exitCode() != 0)
        return "kubectl failed: " + p.readAllStandardError();
    return p.readAllStandardOutput();
}

} // namespace Specula::SimTest
