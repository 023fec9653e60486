// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/vfexportcommand.h"

#include "cli/clusterloader.h"
#include "cli/exportsupport.h"
#include "export/imagefile.h"
#include "export/tablecsv.h"
#include "model/vfallocation.h"
#include "model/vfallocationpainter.h"
#include "model/vfallocationtablemodel.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QImage>

namespace Specula::Cli {
namespace {

// Wide enough for long node names, the bars and their counts side by side.
constexpr int kImageWidth = 1000;

// Checks everything that does not need the cluster, so mistakes fail at once with exit code 2.
std::optional<Model::VfGrouping> parseGrouping(const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 2) {
        printExportError(QStringLiteral("unexpected argument '%1'").arg(positional.at(2)));
        return std::nullopt;
    }
    const QString by = parser.value(QStringLiteral("by"));
    if (by == QLatin1String("pool"))
        return Model::VfGrouping::Pool;
    if (by != QLatin1String("node")) {
        printExportError(QStringLiteral("--by '%1': say node or pool").arg(by));
        return std::nullopt;
    }
    return Model::VfGrouping::Node;
}

// The error's text, or nothing when the file was written.
std::optional<QString> writeOutput(const ExportOutput &output, Model::VfGrouping grouping,
                                   const QList<Model::VfAllocationRow> &rows)
{
    if (output.png) {
        const Model::VfAllocationPainter painter(rows, QGuiApplication::font(), QGuiApplication::palette());
        if (const auto error = Export::ImageFile::writePng(output.path, painter.image(kImageWidth, 1.0)))
            return error->toString();
        return std::nullopt;
    }
    Model::VfAllocationTableModel numbers;
    numbers.setRows(rows, grouping);
    if (const auto error = Export::TableCsv::writeFile(output.path, numbers))
        return error->toString();
    return std::nullopt;
}

} // namespace

int runVfExportCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write the cluster's SR-IOV VF allocation (allocated, free, not created) per node or per pool, as the "
        "window's graph (.png) or its numbers (.csv)."));
    // VF allocation comes from the Kubernetes API alone.
    addExportOptions(parser, QStringLiteral("vf"), QStringLiteral("The file to write: .png or .csv."), false);
    parser.addOption({ QStringLiteral("by"), QStringLiteral("One bar or row per node or per pool. Default: node."),
                       QStringLiteral("node|pool"), QStringLiteral("node") });
    if (const auto exitCode = parseExportArguments(parser, arguments))
        return *exitCode;
    const auto grouping = parseGrouping(parser);
    const auto output = exportOutput(parser, QStringLiteral("the VF allocation"));
    if (!grouping || !output)
        return 2;
    const auto connection = exportConnection(parser, false);
    if (!connection)
        return 2;

    ClusterLoader loader(connection->cluster, connection->prometheus);
    ExportRun run(loader);
    QObject::connect(&loader, &ClusterLoader::loaded, [&] {
        const auto rows = Model::VfAllocation::rows(loader.snapshot(), *grouping);
        if (rows.isEmpty())
            printExportError(QStringLiteral("the cluster has no SR-IOV capable NICs; %1 shows none").arg(output->path));
        if (const auto error = writeOutput(*output, *grouping, rows))
            run.fail(*error);
        else
            run.finish(0);
    });
    return run.exec();
}

} // namespace Specula::Cli
