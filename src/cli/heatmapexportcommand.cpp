// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/heatmapexportcommand.h"

#include "cli/clusterloader.h"
#include "cli/exportsupport.h"
#include "cli/rangeoptions.h"
#include "model/heatmapcsv.h"
#include "model/heatmapseriesquery.h"
#include "model/metricsconnection.h"
#include "views/heatmappage.h"
#include "views/heatmapview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <cmath>
#include <cstdio>

namespace Specula::Cli {
namespace {

using Model::HeatmapData;

// About one column per 2 px of this width: 240 steps over an hour at 15 s.
constexpr int kColumnsWidth = 480;
constexpr int kImageWidth = 1600;
// Rows get the view's usual height until the picture would pass this; then they share pixels.
constexpr int kMaxPlotHeight = 2400;

struct HeatmapRequest
{
    Prom::Metric metric = Prom::Metric::GpuUtil;
    HeatmapData::Sort sort = HeatmapData::Sort::Node;
    QString ns;
    Prom::TimeAxis axis;
    ExportOutput output;
};

std::optional<HeatmapData::Sort> sortNamed(const QString &name)
{
    if (name == QLatin1String("node"))
        return HeatmapData::Sort::Node;
    if (name == QLatin1String("mean"))
        return HeatmapData::Sort::MeanDescending;
    if (name == QLatin1String("idle"))
        return HeatmapData::Sort::IdleFirst;
    return std::nullopt;
}

std::optional<HeatmapRequest> parseRequest(const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 2) {
        printExportError(QStringLiteral("unexpected argument '%1'").arg(positional.at(2)));
        return std::nullopt;
    }
    HeatmapRequest request;
    const QString metric = parser.value(QStringLiteral("metric"));
    const auto named = Model::HeatmapScale::fromShortName(metric);
    if (!named) {
        printExportError(QStringLiteral("--metric '%1' is not util, memory, temperature, power or tensor").arg(metric));
        return std::nullopt;
    }
    request.metric = *named;
    const auto sort = sortNamed(parser.value(QStringLiteral("sort")));
    if (!sort) {
        printExportError(
            QStringLiteral("--sort '%1' is not node, mean or idle").arg(parser.value(QStringLiteral("sort"))));
        return std::nullopt;
    }
    request.sort = *sort;
    request.ns = parser.value(QStringLiteral("namespace"));
    const auto output = exportOutput(parser, QStringLiteral("the heatmap"));
    if (!output)
        return std::nullopt;
    request.output = *output;
    const auto axis = RangeOptions::axis(parser, kColumnsWidth);
    if (const auto *error = std::get_if<QString>(&axis)) {
        printExportError(*error);
        return std::nullopt;
    }
    request.axis = std::get<Prom::TimeAxis>(axis);
    return request;
}

// Draws the page offscreen with every row in the picture, then saves it.
std::optional<QString> savePicture(Views::HeatmapPage &page, const QString &path)
{
    page.resize(kImageWidth, 800);
    page.show(); // the offscreen platform: lays the page out, shows nothing
    Views::HeatmapView *view = page.view();
    const int rows = view->data().rowCount();
    const double rowHeight = rows * Views::HeatmapView::kDefaultRowHeight <= kMaxPlotHeight
        ? Views::HeatmapView::kDefaultRowHeight
        : double(kMaxPlotHeight) / rows;
    const int plotHeight = int(std::ceil(rows * rowHeight));
    page.resize(kImageWidth, page.height() + plotHeight - view->plotRect().height());
    QCoreApplication::processEvents(); // the new size reaches the layout
    view->setRowHeight(rowHeight);
    return page.saveImage(path);
}

} // namespace

int runHeatmapExportCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Draw the GPU heatmap (every GPU and MIG slice over time) as PNG, or write its numbers as CSV."));
    addExportOptions(parser, QStringLiteral("heatmap"),
                     QStringLiteral("The file to write: .png for the picture, .csv for the numbers."), true);
    RangeOptions::addTo(parser);
    parser.addOption({ QStringLiteral("metric"),
                       QStringLiteral("util (default), memory (used % of total), temperature, power or tensor."),
                       QStringLiteral("name"), QStringLiteral("util") });
    parser.addOption({ QStringLiteral("sort"),
                       QStringLiteral("node (default), mean (highest first) or idle (idle while allocated first)."),
                       QStringLiteral("order"), QStringLiteral("node") });
    parser.addOption({ QStringLiteral("namespace"), QStringLiteral("Only GPUs held by pods of this namespace."),
                       QStringLiteral("name") });
    if (const auto exitCode = parseExportArguments(parser, arguments))
        return *exitCode;
    const auto request = parseRequest(parser);
    if (!request)
        return 2;
    const auto connection = exportConnection(parser, true, QStringLiteral("the heatmap's values come from Prometheus"));
    if (!connection)
        return 2;

    ClusterLoader loader(connection->cluster, connection->prometheus);
    ExportRun run(loader);
    Views::HeatmapPage page;
    QObject::connect(&page, &Views::HeatmapPage::contentReady, [&] {
        if (const auto error = savePicture(page, request->output.path))
            run.fail(*error);
        else
            run.finish(0);
    });
    QObject::connect(&loader, &ClusterLoader::loaded, [&] {
        Model::MetricsConnection *metrics = loader.metrics();
        if (metrics->status().state != Model::PrometheusStatus::State::Ok) {
            run.fail(QStringLiteral("Prometheus: %1").arg(metrics->status().error));
            return;
        }
        auto *query = new Model::HeatmapSeriesQuery(metrics->client(), metrics->catalogue(), request->metric,
                                                    request->axis, &loader);
        query->setExpectedRows(loader.snapshot());
        QObject::connect(query, &Model::HeatmapSeriesQuery::failed, [&](const Core::Error &error) {
            run.fail(QStringLiteral("Prometheus: %1").arg(error.toString()));
        });
        QObject::connect(query, &Model::HeatmapSeriesQuery::finished,
                         [&, metrics](Prom::Metric metric, const Prom::CompactSeriesStore &store) {
                             if (store.isEmpty()) {
                                 run.fail(QStringLiteral("Prometheus has no %1 series in the range (%2)")
                                              .arg(Prom::MetricCatalogue::name(metric), metrics->status().dialect));
                                 return;
                             }
                             if (!request->output.png) {
                                 HeatmapData data
                                     = HeatmapData::build(loader.snapshot(), metric, store, metrics->catalogue());
                                 data.setView(request->sort, request->ns);
                                 if (const auto error = Model::HeatmapCsv::writeFile(request->output.path, data))
                                     run.fail(error->toString());
                                 else
                                     run.finish(0);
                                 return;
                             }
                             // The page draws once it has joined and coloured the input (contentReady).
                             page.setMetric(metric);
                             page.setSort(request->sort);
                             page.setNamespaceFilter(request->ns);
                             page.setSnapshot(loader.snapshot());
                             page.setSeries(metric, store, metrics->catalogue());
                         });
        query->start();
    });
    return run.exec();
}

} // namespace Specula::Cli
