// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/exportcommand.h"

#include "cli/clusterloader.h"
#include "cli/podcsvcolumns.h"
#include "cli/prometheusoptions.h"
#include "cli/vfexportcommand.h"
#include "core/duration.h"
#include "model/metricsconnection.h"
#include "model/podchartplan.h"
#include "prom/promstep.h"
#include "prom/seriescsv.h"
#include "views/charts/podchartsimage.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <cstdio>

namespace Specula::Cli {
namespace {

// The plot width a command-line export is sampled for: fine enough for a report's chart.
constexpr int kExportWidthPixels = 1200;

void printError(const QString &text)
{
    std::fprintf(stderr, "specula export: %s\n", qUtf8Printable(text));
}

void quietMessageHandler(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg)
        std::fprintf(stderr, "specula export: %s\n", qUtf8Printable(message));
}

QString utcMinute(qint64 unixSeconds)
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

struct ExportRequest
{
    QString ns;
    QString pod;
    Prom::TimeAxis axis;
    QString output;
};

// Checks everything that does not need the cluster, so mistakes fail at once with exit code 2.
std::optional<ExportRequest> parseRequest(const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2) {
        printError(QStringLiteral("say what to export: specula export pod NAMESPACE/NAME --range 6h -o FILE.csv"));
        return std::nullopt;
    }
    if (positional.at(1) != QLatin1String("pod")) {
        printError(QStringLiteral("cannot export '%1': this version exports pod and vf").arg(positional.at(1)));
        return std::nullopt;
    }
    const QString id = positional.value(2);
    if (id.count(QLatin1Char('/')) != 1 || id.startsWith(QLatin1Char('/')) || id.endsWith(QLatin1Char('/'))) {
        printError(QStringLiteral("pod '%1' is not NAMESPACE/NAME").arg(id));
        return std::nullopt;
    }
    if (positional.size() > 3) {
        printError(QStringLiteral("unexpected argument '%1'").arg(positional.at(3)));
        return std::nullopt;
    }
    ExportRequest request;
    request.ns = id.section(QLatin1Char('/'), 0, 0);
    request.pod = id.section(QLatin1Char('/'), 1);
    request.output = parser.value(QStringLiteral("output"));
    if (request.output.isEmpty()) {
        printError(QStringLiteral("-o FILE.csv or -o FILE.png is required"));
        return std::nullopt;
    }
    if (!request.output.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)
        && !request.output.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)) {
        printError(QStringLiteral("%1: pod series export as .csv (numbers) or .png (charts)").arg(request.output));
        return std::nullopt;
    }
    const auto range = Core::parseDurationSeconds(parser.value(QStringLiteral("range")));
    if (!range) {
        printError(QStringLiteral("--range '%1' is not a duration such as 15m, 6h or 7d")
                       .arg(parser.value(QStringLiteral("range"))));
        return std::nullopt;
    }
    const QDateTime end = QDateTime::currentDateTimeUtc();
    const QDateTime start = end.addSecs(-*range);
    std::chrono::seconds step = Prom::stepFor(start, end, kExportWidthPixels);
    if (parser.isSet(QStringLiteral("step"))) {
        const auto given = Core::parseDurationSeconds(parser.value(QStringLiteral("step")));
        if (!given || *range / *given > 11000) {
            printError(QStringLiteral("--step '%1' is not a duration that gives at most 11,000 points over the range")
                           .arg(parser.value(QStringLiteral("step"))));
            return std::nullopt;
        }
        step = std::chrono::seconds(*given);
    }
    request.axis = Prom::TimeAxis::covering(start, end, step);
    return request;
}

} // namespace

int runExportCommand(const QStringList &arguments)
{
    // What to export comes first ("specula export vf …"), and each kind has its own options.
    if (arguments.value(2) == QLatin1String("vf"))
        return runVfExportCommand(arguments);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Write a pod's time series (GPU, CPU, memory, network, power, energy) as CSV, or its "
                       "charts as PNG."));
    parser.addHelpOption();
    ConnectionOptions::addTo(parser);
    PrometheusOptions::addTo(parser);
    parser.addOption({ QStringLiteral("range"), QStringLiteral("How far back, e.g. 15m, 6h, 7d. Default: 1h."),
                       QStringLiteral("duration"), QStringLiteral("1h") });
    parser.addOption({ QStringLiteral("step"),
                       QStringLiteral("Seconds between points; default: chosen from the range (at least 15s)."),
                       QStringLiteral("duration") });
    parser.addOption({ { QStringLiteral("o"), QStringLiteral("output") },
                       QStringLiteral("The CSV or PNG file to write."),
                       QStringLiteral("file") });
    parser.addOption({ QStringLiteral("verbose"), QStringLiteral("Log every request to standard error.") });
    parser.addPositionalArgument(QStringLiteral("export"), QStringLiteral("The command."));
    parser.addPositionalArgument(QStringLiteral("pod"), QStringLiteral("What to export."));
    parser.addPositionalArgument(QStringLiteral("NAMESPACE/NAME"), QStringLiteral("The pod."));
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qUtf8Printable(parser.helpText()), stdout);
        return 0;
    }
    const auto request = parseRequest(parser);
    if (!request)
        return 2;
    const auto connection = ConnectionOptions::from(parser);
    if (!connection) {
        printError(connection.error().toString());
        return 2;
    }
    auto prometheus = PrometheusOptions::from(parser, connection.value());
    if (!prometheus) {
        printError(prometheus.error().toString());
        return 2;
    }
    if (prometheus.value().mode == Model::PrometheusSettings::Mode::None) {
        printError(QStringLiteral("a pod's series come from Prometheus; --prometheus none leaves nothing to export"));
        return 2;
    }
    if (parser.isSet(QStringLiteral("verbose")))
        QLoggingCategory::setFilterRules(QStringLiteral("specula.*.debug=true"));
    else
        qInstallMessageHandler(quietMessageHandler);

    int exitCode = 0;
    auto finish = [&exitCode](int code) {
        exitCode = code;
        QCoreApplication::exit(code);
    };
    ClusterLoader loader(connection.value(), prometheus.value());
    QObject::connect(&loader, &ClusterLoader::failed, [&](const Core::Error &error) {
        printError(error.toString());
        finish(error.kind == Core::Error::Kind::Config ? 2 : 1);
    });
    QObject::connect(&loader, &ClusterLoader::loaded, [&] {
        Model::MetricsConnection *metrics = loader.metrics();
        if (metrics->status().state != Model::PrometheusStatus::State::Ok) {
            printError(QStringLiteral("Prometheus: %1").arg(metrics->status().error));
            finish(1);
            return;
        }
        auto *query = new Model::PodSeriesQuery(metrics->client(), metrics->catalogue(), request->ns, request->pod,
                                                request->axis, &loader);
        QObject::connect(query, &Model::PodSeriesQuery::failed, [&](const Core::Error &error) {
            printError(QStringLiteral("Prometheus: %1").arg(error.toString()));
            finish(1);
        });
        QObject::connect(query, &Model::PodSeriesQuery::finished, [&, metrics](const QList<Model::PodSeries> &series) {
            const QList<Prom::SeriesStore> columns = podCsvColumns(series, metrics->catalogue());
            if (columns.isEmpty()) {
                printError(QStringLiteral("Prometheus has no series for pod %1/%2 in the range (%3)")
                               .arg(request->ns, request->pod, metrics->status().dialect));
                finish(1);
                return;
            }
            const auto error = request->output.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)
                ? Views::PodChartsImage::writePng(
                    request->output,
                    Model::PodChartPlan::build(
                        series, metrics->catalogue(),
                        Model::PodChartPlan::vfInterfaces(loader.snapshot(), request->ns + u'/' + request->pod)),
                    QStringLiteral("%1/%2 · %3 – %4 UTC")
                        .arg(request->ns, request->pod, utcMinute(request->axis.start),
                             utcMinute(request->axis.last())))
                : Prom::SeriesCsv::writeFile(request->output, columns,
                                             [](const Prom::Labels &labels) { return labels.first(); });
            if (error) {
                printError(error->toString());
                finish(1);
                return;
            }
            finish(0);
        });
        query->start();
    });
    loader.start();
    QCoreApplication::exec();
    return exitCode;
}

} // namespace Specula::Cli
