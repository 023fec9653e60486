// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/topologyexportcommand.h"

#include "cli/clusterloader.h"
#include "cli/exportsupport.h"
#include "export/imagefile.h"
#include "export/tablecsv.h"
#include "model/topologymappainter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QImage>
#include <QStandardItemModel>

namespace Specula::Cli {
namespace {

// Wide enough to read a few dozen nodes' labels; larger clusters show one colour per node.
constexpr int kImageWidth = 2400;

// Checks everything that does not need the cluster, so mistakes fail at once with exit code 2.
std::optional<Model::TopologyMapOptions> parseOptions(const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 2) {
        printExportError(QStringLiteral("unexpected argument '%1'").arg(positional.at(2)));
        return std::nullopt;
    }
    Model::TopologyMapOptions options;
    const QString color = parser.value(QStringLiteral("color"));
    const auto coloring = Model::TopologyMap::fromShortName(color);
    if (!coloring) {
        printExportError(
            QStringLiteral("--color '%1' is not allocation, util, memory, temperature or power").arg(color));
        return std::nullopt;
    }
    options.coloring = *coloring;
    const QString selector = parser.value(QStringLiteral("selector"));
    auto parsed = Kube::LabelSelector::parse(selector);
    if (!parsed) {
        printExportError(QStringLiteral("--selector '%1': %2").arg(selector, parsed.error().message));
        return std::nullopt;
    }
    options.selector = parsed.value();
    options.namespaceName = parser.value(QStringLiteral("namespace"));
    options.search = parser.value(QStringLiteral("search"));
    return options;
}

// The error's text, or nothing when the file was written.
std::optional<QString> writeOutput(const ExportOutput &output, const Model::TopologyMap &map)
{
    const auto error = output.png
        ? Export::ImageFile::writePng(
            output.path,
            Model::TopologyMapPainter(map, QGuiApplication::palette(), QGuiApplication::font()).image(kImageWidth, 1.0))
        : Export::TableCsv::writeFile(output.path, *map.cellTable());
    return error ? std::optional(error->toString()) : std::nullopt;
}

} // namespace

int runTopologyExportCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Draw the topology map (nodes with their GPUs, MIG slices and SR-IOV NICs, and the pods on them) as PNG, "
        "or write every device on it as CSV."));
    addExportOptions(parser, QStringLiteral("topology"),
                     QStringLiteral("The file to write: .png for the map, .csv for its devices."), true);
    parser.addOption({ QStringLiteral("color"),
                       QStringLiteral("Colour GPUs by allocation (default), util, memory (used %), temperature or "
                                      "power; the latest readings from Prometheus."),
                       QStringLiteral("name"), QStringLiteral("allocation") });
    parser.addOption({ QStringLiteral("namespace"),
                       QStringLiteral("Only nodes with a device held in this namespace; other holders faded."),
                       QStringLiteral("name") });
    parser.addOption({ { QStringLiteral("l"), QStringLiteral("selector") },
                       QStringLiteral("Only nodes whose labels match this selector (key=value, key!=value, "
                                      "key in (a,b), key, !key)."),
                       QStringLiteral("labels") });
    parser.addOption({ QStringLiteral("search"),
                       QStringLiteral("Only nodes with something that contains this text (node, device, UUID, PCI "
                                      "address, pod), the matches outlined."),
                       QStringLiteral("text") });
    if (const auto exitCode = parseExportArguments(parser, arguments))
        return *exitCode;
    const auto options = parseOptions(parser);
    const auto output = exportOutput(parser, QStringLiteral("the topology map"));
    if (!options || !output)
        return 2;
    const auto connection = exportConnection(parser, true);
    if (!connection)
        return 2;

    ClusterLoader loader(connection->cluster, connection->prometheus);
    ExportRun run(loader);
    QObject::connect(&loader, &ClusterLoader::loaded, [&] {
        loader.fetchReadings([&](const Model::ClusterSnapshot &snapshot) {
            if (options->coloring != Model::MapColoring::Allocation
                && snapshot.prometheus.state != Model::PrometheusStatus::State::Ok) {
                printExportError(QStringLiteral("Prometheus: %1; GPUs are drawn with no reading")
                                     .arg(snapshot.prometheus.error.isEmpty() ? QStringLiteral("disabled")
                                                                              : snapshot.prometheus.error));
            }
            const Model::TopologyMap map = Model::TopologyMap::build(snapshot, *options);
            if (map.nodes().isEmpty())
                printExportError(QStringLiteral("no node matches; %1 shows none").arg(output->path));
            if (const auto error = writeOutput(*output, map))
                run.fail(*error);
            else
                run.finish(0);
        });
    });
    return run.exec();
}

} // namespace Specula::Cli
