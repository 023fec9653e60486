// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/vfexportcommand.h"

#include "cli/clusterloader.h"
#include "export/imagefile.h"
#include "export/tablecsv.h"
#include "model/vfallocation.h"
#include "model/vfallocationpainter.h"
#include "model/vfallocationtablemodel.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QImage>
#include <QLoggingCategory>
#include <cstdio>

namespace Specula::Cli {
namespace {

// Wide enough for long node names, the bars and their counts side by side.
constexpr int kImageWidth = 1000;

void printError(const QString &text)
{
    std::fprintf(stderr, "specula export: %s\n", qUtf8Printable(text));
}

void quietMessageHandler(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg)
        std::fprintf(stderr, "specula export: %s\n", qUtf8Printable(message));
}

struct VfRequest
{
    Model::VfGrouping grouping = Model::VfGrouping::Node;
    QString output;
    bool png = false;
};

// Checks everything that does not need the cluster, so mistakes fail at once with exit code 2.
std::optional<VfRequest> parseRequest(const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 2) {
        printError(QStringLiteral("unexpected argument '%1'").arg(positional.at(2)));
        return std::nullopt;
    }
    VfRequest request;
    const QString by = parser.value(QStringLiteral("by"));
    if (by == QLatin1String("pool"))
        request.grouping = Model::VfGrouping::Pool;
    else if (by != QLatin1String("node")) {
        printError(QStringLiteral("--by '%1': say node or pool").arg(by));
        return std::nullopt;
    }
    request.output = parser.value(QStringLiteral("output"));
    if (request.output.isEmpty()) {
        printError(QStringLiteral("-o FILE.png or -o FILE.csv is required"));
        return std::nullopt;
    }
    request.png = request.output.endsWith(QLatin1String(".png"), Qt::CaseInsensitive);
    if (!request.png && !request.output.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) {
        printError(QStringLiteral("%1: the VF allocation exports as .png or .csv").arg(request.output));
        return std::nullopt;
    }
    if (request.png && !qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        printError(
            QStringLiteral("%1: pictures need the GUI library, which this program did not start").arg(request.output));
        return std::nullopt;
    }
    return request;
}

// The error's text, or nothing when the file was written.
std::optional<QString> writeOutput(const VfRequest &request, const QList<Model::VfAllocationRow> &rows)
{
    if (request.png) {
        const Model::VfAllocationPainter painter(rows, QGuiApplication::font(), QGuiApplication::palette());
        if (const auto error = Export::ImageFile::writePng(request.output, painter.image(kImageWidth, 1.0)))
            return error->toString();
        return std::nullopt;
    }
    Model::VfAllocationTableModel numbers;
    numbers.setRows(rows, request.grouping);
    if (const auto error = Export::TableCsv::writeFile(request.output, numbers))
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
    parser.addHelpOption();
    ConnectionOptions::addTo(parser);
    parser.addOption({ QStringLiteral("by"), QStringLiteral("One bar or row per node or per pool. Default: node."),
                       QStringLiteral("node|pool"), QStringLiteral("node") });
    parser.addOption({ { QStringLiteral("o"), QStringLiteral("output") },
                       QStringLiteral("The file to write: .png or .csv."),
                       QStringLiteral("file") });
    parser.addOption({ QStringLiteral("verbose"), QStringLiteral("Log every request to standard error.") });
    parser.addPositionalArgument(QStringLiteral("export"), QStringLiteral("The command."));
    parser.addPositionalArgument(QStringLiteral("vf"), QStringLiteral("What to export."));
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
    if (parser.isSet(QStringLiteral("verbose")))
        QLoggingCategory::setFilterRules(QStringLiteral("specula.*.debug=true"));
    else
        qInstallMessageHandler(quietMessageHandler);

    int exitCode = 0;
    auto finish = [&exitCode](int code) {
        exitCode = code;
        QCoreApplication::exit(code);
    };
    // VF allocation comes from the Kubernetes API alone.
    Model::PrometheusSettings noPrometheus;
    noPrometheus.mode = Model::PrometheusSettings::Mode::None;
    ClusterLoader loader(connection.value(), noPrometheus);
    QObject::connect(&loader, &ClusterLoader::failed, [&](const Core::Error &error) {
        printError(error.toString());
        finish(error.kind == Core::Error::Kind::Config ? 2 : 1);
    });
    QObject::connect(&loader, &ClusterLoader::loaded, [&] {
        const auto rows = Model::VfAllocation::rows(loader.snapshot(), request->grouping);
        if (rows.isEmpty())
            printError(QStringLiteral("the cluster has no SR-IOV capable NICs; %1 shows none").arg(request->output));
        if (const auto error = writeOutput(*request, rows)) {
            printError(*error);
            finish(1);
            return;
        }
        finish(0);
    });
    loader.start();
    QCoreApplication::exec();
    return exitCode;
}

} // namespace Specula::Cli
