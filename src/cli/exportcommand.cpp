// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/exportcommand.h"

#include "cli/clusterloader.h"
#include "cli/exportsupport.h"
#include "cli/podcsvcolumns.h"
#include "cli/rangeoptions.h"
#include "cli/topologyexportcommand.h"
#include "cli/vfexportcommand.h"
#include "model/metricsconnection.h"
#include "model/podchartplan.h"
#include "prom/seriescsv.h"
#include "views/charts/podchartsimage.h"

#include <QCommandLineParser>

namespace Specula::Cli {
namespace {

// The plot width a command-line export is sampled for: fine enough for a report's chart.
constexpr int kExportWidthPixels = 1200;

QString utcMinute(qint64 unixSeconds)
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

struct ExportRequest
{
    QString ns;
    QString pod;
    Prom::TimeAxis axis;
    ExportOutput output;
};

// Checks everything that does not need the cluster, so mistakes fail at once with exit code 2.
std::optional<ExportRequest> parseRequest(const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2) {
        printExportError(
            QStringLiteral("say what to export: specula export pod NAMESPACE/NAME --range 6h -o FILE.csv"));
        return std::nullopt;
    }
    if (positional.at(1) == QLatin1String("heatmap")) {
        printExportError(
            QStringLiteral("write the heatmap export as specula export heatmap [OPTIONS], heatmap right after export"));
        return std::nullopt;
    }
    if (positional.at(1) != QLatin1String("pod")) {
        printExportError(QStringLiteral("cannot export '%1': this version exports pod, vf, heatmap and topology")
                             .arg(positional.at(1)));
        return std::nullopt;
    }
    const QString id = positional.value(2);
    if (id.count(QLatin1Char('/')) != 1 || id.startsWith(QLatin1Char('/')) || id.endsWith(QLatin1Char('/'))) {
        printExportError(QStringLiteral("pod '%1' is not NAMESPACE/NAME").arg(id));
        return std::nullopt;
    }
    if (positional.size() > 3) {
        printExportError(QStringLiteral("unexpected argument '%1'").arg(positional.at(3)));
        return std::nullopt;
    }
    ExportRequest request;
    request.ns = id.section(QLatin1Char('/'), 0, 0);
    request.pod = id.section(QLatin1Char('/'), 1);
    const auto output = exportOutput(parser, QStringLiteral("a pod's series"));
    if (!output)
        return std::nullopt;
    request.output = *output;
    const auto axis = RangeOptions::axis(parser, kExportWidthPixels);
    if (const auto *error = std::get_if<QString>(&axis)) {
        printExportError(*error);
        return std::nullopt;
    }
    request.axis = std::get<Prom::TimeAxis>(axis);
    return request;
}

} // namespace

int runExportCommand(const QStringList &arguments)
{
    // What to export comes first ("specula export vf …"), and each kind has its own options.
    if (arguments.value(2) == QLatin1String("vf"))
        return runVfExportCommand(arguments);
    if (arguments.value(2) == QLatin1String("topology"))
        return runTopologyExportCommand(arguments);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Write a pod's time series (GPU, CPU, memory, network, power, energy) as CSV, or its "
                       "charts as PNG."));
    addExportOptions(parser, QStringLiteral("pod"), QStringLiteral("The CSV or PNG file to write."), true);
    RangeOptions::addTo(parser);
    parser.addPositionalArgument(QStringLiteral("NAMESPACE/NAME"), QStringLiteral("The pod."));
    if (const auto exitCode = parseExportArguments(parser, arguments))
        return *exitCode;
    const auto request = parseRequest(parser);
    if (!request)
        return 2;
    const auto connection = exportConnection(parser, true, QStringLiteral("a pod's series come from Prometheus"));
    if (!connection)
        return 2;

    ClusterLoader loader(connection->cluster, connection->prometheus);
    ExportRun run(loader);
    QObject::connect(&loader, &ClusterLoader::loaded, [&] {
        Model::MetricsConnection *metrics = loader.metrics();
        if (metrics->status().state != Model::PrometheusStatus::State::Ok) {
            run.fail(QStringLiteral("Prometheus: %1").arg(metrics->status().error));
            return;
        }
        auto *query
            = new Model::PodSeriesQuery(metrics->client(), metrics->catalogue(),
                                        Model::PodSeriesQuery::podScope(loader.snapshot(), request->ns, request->pod),
                                        Model::PodSeriesQuery::podMetrics(), request->axis, &loader);
        QObject::connect(query, &Model::PodSeriesQuery::failed, [&](const Core::Error &error) {
            run.fail(QStringLiteral("Prometheus: %1").arg(error.toString()));
        });
        QObject::connect(query, &Model::PodSeriesQuery::finished, [&, metrics](const QList<Model::PodSeries> &series) {
            const QList<Prom::SeriesStore> columns = podCsvColumns(series, metrics->catalogue());
            if (columns.isEmpty()) {
                run.fail(QStringLiteral("Prometheus has no series for pod %1/%2 in the range (%3)")
                             .arg(request->ns, request->pod, metrics->status().dialect));
                return;
            }
            const auto error = request->output.png
                ? Views::PodChartsImage::writePng(
                    request->output.path,
                    Model::PodChartPlan::build(
                        series, metrics->catalogue(),
                        Model::PodChartPlan::vfInterfaces(loader.snapshot(), request->ns + u'/' + request->pod)),
                    QStringLiteral("%1/%2 · %3 – %4 UTC")
                        .arg(request->ns, request->pod, utcMinute(request->axis.start),
                             utcMinute(request->axis.last())))
                : Prom::SeriesCsv::writeFile(request->output.path, columns,
                                             [](const Prom::Labels &labels) { return labels.first(); });
            if (error)
                run.fail(error->toString());
            else
                run.finish(0);
        });
        query->start();
    });
    return run.exec();
}

} // namespace Specula::Cli
