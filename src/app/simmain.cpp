// SPDX-License-Identifier: GPL-3.0-or-later
// specula-sim: serves a simulated Kubernetes cluster on loopback (DESIGN.md §3).
#include "core/duration.h"
#include "sim/metricsconfigparser.h"
#include "sim/metricset.h"
#include "sim/openmetricswriter.h"
#include "sim/simserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QTextStream>

using namespace Specula;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"specula-sim"_qs);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"A simulated Kubernetes cluster with GPUs and SR-IOV VFs"_qs);
    parser.addHelpOption();
    const QCommandLineOption scenarioOption(u"scenario"_qs,
                                            u"builtin:demo, builtin:quirks, builtin:large or a YAML file"_qs,
                                            u"spec"_qs, u"builtin:demo"_qs);
    const QCommandLineOption listenOption(u"listen"_qs, u"Address and port, 127.0.0.1:0 picks a free port"_qs,
                                          u"addr:port"_qs, u"127.0.0.1:0"_qs);
    const QCommandLineOption tlsOption(u"tls"_qs, u"Serve HTTPS (client certificates and tokens)"_qs);
    const QCommandLineOption kubeconfigOption(u"kubeconfig-out"_qs, u"Write a kubeconfig for this server"_qs,
                                              u"file"_qs);
    const QCommandLineOption tokenOption(u"token-auth"_qs, u"The kubeconfig uses the bearer token"_qs);
    const QCommandLineOption tickOption(u"tick-ms"_qs, u"Milliseconds between scenario ticks (0: none)"_qs, u"ms"_qs);
    const QCommandLineOption seedOption(u"seed"_qs, u"Override the scenario's seed"_qs, u"n"_qs);
    const QCommandLineOption forceOption(u"allow-non-loopback"_qs, u"Allow listening on a non-loopback address"_qs);
    const QCommandLineOption openMetricsOption(
        u"write-openmetrics"_qs, u"Write the scenario's exporter history as OpenMetrics to a file and exit"_qs,
        u"file"_qs);
    const QCommandLineOption historyOption(u"history"_qs, u"With --write-openmetrics: how far back (6h, 90m, 2d)"_qs,
                                           u"duration"_qs, u"6h"_qs);
    const QCommandLineOption stepOption(
        u"step"_qs, u"With --write-openmetrics: time between samples (default: the scrape interval)"_qs,
        u"duration"_qs);
    const QCommandLineOption familiesOption(
        u"families"_qs, u"With --write-openmetrics: only the families whose whole name matches this regex"_qs,
        u"regex"_qs);
    const QCommandLineOption dialectOption(
        u"metrics-dialect"_qs,
        u"Exporter label dialect over the scenario's metrics: block, e.g. "
        u"dcgm-node=hostname,dcgm-pod=exported_pod,dcgm-uuid=uuid,blank-sentinels,kepler=0.9,prometheus=none"_qs,
        u"spec"_qs);
    parser.addOptions({ scenarioOption, listenOption, tlsOption, kubeconfigOption, tokenOption, tickOption, seedOption,
                        forceOption, openMetricsOption, historyOption, stepOption, familiesOption, dialectOption });
    parser.process(app);

    QTextStream err(stderr);
    auto fail = [&err](const QString &message) {
        err << "specula-sim: " << message << Qt::endl;
        return 2;
    };
    const QString listen = parser.value(listenOption);
    const qsizetype colon = listen.lastIndexOf(u':');
    bool portOk = false;
    const uint port = listen.mid(colon + 1).toUInt(&portOk);
    QHostAddress address(QString(listen.left(colon)).remove(u'[').remove(u']'));
    if (colon < 0 || !portOk || port > 65535 || address.isNull())
        return fail(u"--listen: expected ADDRESS:PORT, got \"%1\""_qs.arg(listen));

    auto scenario = Sim::loadScenario(parser.value(scenarioOption));
    if (!scenario)
        return fail(scenario.error().where + u": "_qs + scenario.error().message);
    Sim::Scenario loaded = std::move(scenario).value();
    if (parser.isSet(seedOption)) {
        bool ok = false;
        loaded.seed = parser.value(seedOption).toULongLong(&ok);
        if (!ok)
            return fail(u"--seed: expected a number"_qs);
    }
    if (parser.isSet(dialectOption)) {
        auto config = Sim::parseMetricsDialect(parser.value(dialectOption), loaded.metrics);
        if (!config)
            return fail(u"--metrics-dialect: "_qs + config.error().message);
        loaded.metrics = *config;
    }
    if (parser.isSet(openMetricsOption)) {
        const auto history = Core::parseDurationSeconds(parser.value(historyOption));
        if (!history)
            return fail(u"--history: expected a duration such as 6h, 90m or 3600, got \"%1\""_qs.arg(
                parser.value(historyOption)));
        const auto step = parser.isSet(stepOption) ? Core::parseDurationSeconds(parser.value(stepOption))
                                                   : std::optional<qint64>(loaded.metrics.scrapeIntervalSeconds);
        if (!step)
            return fail(u"--step: expected a duration such as 30s or 1m, got \"%1\""_qs.arg(parser.value(stepOption)));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const Sim::OpenMetricsWriter writer(Sim::MetricSet::build(loaded), parser.value(familiesOption));
        if (const QString error = writer.patternError(); !error.isEmpty())
            return fail(u"--families: not a regular expression: "_qs + error);
        const auto written = writer.writeFile(parser.value(openMetricsOption), now - *history, now, *step);
        if (!written)
            return fail(written.error().where + u": "_qs + written.error().message);
        return 0;
    }
    Sim::ServerOptions options;
    options.address = address;
    options.port = quint16(port);
    options.tls = parser.isSet(tlsOption);
    options.allowNonLoopback = parser.isSet(forceOption);
    if (parser.isSet(tickOption)) {
        bool ok = false;
        const int tick = parser.value(tickOption).toInt(&ok);
        if (!ok || tick < 0)
            return fail(u"--tick-ms: expected a number of milliseconds"_qs);
        options.tickMs = tick == 0 ? -1 : tick;
    }
    Sim::SimServer server(std::move(loaded), options);
    const auto url = server.start();
    if (!url)
        return fail(url.error().where + u": "_qs + url.error().message);
    if (parser.isSet(kubeconfigOption)) {
        QString error;
        const auto auth = parser.isSet(tokenOption) || !options.tls ? Sim::SimServer::KubeconfigAuth::Token
                                                                    : Sim::SimServer::KubeconfigAuth::ClientCertificate;
        if (!server.writeKubeconfig(parser.value(kubeconfigOption), auth, &error))
            return fail(error);
    }
    QTextStream out(stdout);
    out << url->toString() << Qt::endl << "ready" << Qt::endl;
    return app.exec();
}
