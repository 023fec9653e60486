// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/exportsupport.h"

#include "cli/clusterloader.h"
#include "cli/prometheusoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <cstdio>

namespace Specula::Cli {
namespace {

void quietMessageHandler(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg)
        printExportError(message);
}

// --verbose logs every request to stderr; otherwise only fatal messages reach it.
void setExportLogging(bool verbose)
{
    if (verbose) {
        qInstallMessageHandler(nullptr);
        QLoggingCategory::setFilterRules(QStringLiteral("specula.*.debug=true"));
    } else {
        qInstallMessageHandler(quietMessageHandler);
    }
}

} // namespace

void printExportError(const QString &text)
{
    std::fprintf(stderr, "specula export: %s\n", qUtf8Printable(text));
}

void addExportOptions(QCommandLineParser &parser, const QString &kind, const QString &outputHelp, bool withPrometheus)
{
    parser.addHelpOption();
    ConnectionOptions::addTo(parser);
    if (withPrometheus)
        PrometheusOptions::addTo(parser);
    parser.addOption({ { QStringLiteral("o"), QStringLiteral("output") }, outputHelp, QStringLiteral("file") });
    parser.addOption({ QStringLiteral("verbose"), QStringLiteral("Log every request to standard error.") });
    parser.addPositionalArgument(QStringLiteral("export"), QStringLiteral("The command."));
    parser.addPositionalArgument(kind, QStringLiteral("What to export."));
}

std::optional<int> parseExportArguments(QCommandLineParser &parser, const QStringList &arguments)
{
    if (!parser.parse(arguments)) {
        printExportError(parser.errorText());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qUtf8Printable(parser.helpText()), stdout);
        return 0;
    }
    return std::nullopt;
}

std::optional<ExportOutput> exportOutput(const QCommandLineParser &parser, const QString &what)
{
    ExportOutput output;
    output.path = parser.value(QStringLiteral("output"));
    if (output.path.isEmpty()) {
        printExportError(QStringLiteral("-o FILE.png or -o FILE.csv is required"));
        return std::nullopt;
    }
    output.png = output.path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive);
    if (!output.png && !output.path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) {
        printExportError(QStringLiteral("%1: %2 exports as .png or .csv").arg(output.path, what));
        return std::nullopt;
    }
    if (output.png && !qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        printExportError(
            QStringLiteral("%1: pictures need the GUI library, which this program did not start").arg(output.path));
        return std::nullopt;
    }
    return output;
}

std::optional<ExportConnection> exportConnection(const QCommandLineParser &parser, bool withPrometheus,
                                                 const QString &prometheusFor)
{
    const auto cluster = ConnectionOptions::from(parser);
    if (!cluster) {
        printExportError(cluster.error().toString());
        return std::nullopt;
    }
    ExportConnection connection { cluster.value(), {} };
    connection.prometheus.mode = Model::PrometheusSettings::Mode::None;
    if (withPrometheus) {
        const auto prometheus = PrometheusOptions::from(parser, cluster.value());
        if (!prometheus) {
            printExportError(prometheus.error().toString());
            return std::nullopt;
        }
        connection.prometheus = prometheus.value();
    }
    if (!prometheusFor.isEmpty() && connection.prometheus.mode == Model::PrometheusSettings::Mode::None) {
        printExportError(QStringLiteral("%1; --prometheus none leaves nothing to export").arg(prometheusFor));
        return std::nullopt;
    }
    setExportLogging(parser.isSet(QStringLiteral("verbose")));
    return connection;
}

ExportRun::ExportRun(ClusterLoader &loader)
    : m_loader(loader)
{
    QObject::connect(&loader, &ClusterLoader::failed, [this](const Core::Error &error) {
        fail(error.toString(), error.kind == Core::Error::Kind::Config ? 2 : 1);
    });
}

void ExportRun::finish(int exitCode)
{
    m_exitCode = exitCode;
    QCoreApplication::exit(exitCode);
}

void ExportRun::fail(const QString &text, int exitCode)
{
    printExportError(text);
    finish(exitCode);
}

int ExportRun::exec()
{
    m_loader.start();
    QCoreApplication::exec();
    return m_exitCode;
}

} // namespace Specula::Cli
