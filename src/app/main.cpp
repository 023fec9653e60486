// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/appcontroller.h"
#include "app/mainwindow.h"
#include "cli/exportcommand.h"
#include "cli/heatmapexportcommand.h"
#include "cli/prometheusoptions.h"
#include "cli/snapshotcommand.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLocale>
#include <QTranslator>
#include <cstdio>
#include <cstring>

using namespace Specula;

namespace {

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Specula"));
    QCoreApplication::setApplicationName(QStringLiteral("specula"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SPECULA_VERSION_STRING));
}

// The window's options; parsed once without a display (help, version, mistakes) and again by
// the running application.
void describeOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral(
        "See what the GPUs, MIG slices and SR-IOV VFs of a Kubernetes cluster are doing.\n\n"
        "Commands:\n  snapshot   print the cluster's specialized resources as JSON (specula snapshot --help)\n"
        "  export     write a pod's series or charts, the VF allocation, the GPU heatmap or the topology map,\n"
        "             as CSV or PNG\n"
        "             (specula export --help, specula export heatmap|vf|topology --help)"));
    parser.addHelpOption();
    parser.addVersionOption();
    Cli::ConnectionOptions::addTo(parser);
    Cli::PrometheusOptions::addTo(parser);
}

bool needsNoWindow(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        if (arg[0] != '-')
            return true; // a command, or a mistake that deserves a message rather than a window
        for (const char *flag : { "-h", "--help", "--help-all", "-v", "--version" }) {
            if (std::strcmp(arg, flag) == 0)
                return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    // Commands, help and mistakes are headless: no display is needed or touched.
    if (argc > 1 && std::strcmp(argv[1], "export") == 0) {
        // Exported charts are drawn by widgets, on the offscreen platform whatever the display.
        // Its start-up notes (XDG_RUNTIME_DIR, fonts) would clutter stderr, which is the
        // command's for its own one-line errors.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        const QtMessageHandler standard
            = qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
        QApplication app(argc, argv);
        qInstallMessageHandler(standard);
        setApplicationNames();
        // The heatmap export draws the window's heatmap page, so it lives with the widgets.
        if (argc > 2 && std::strcmp(argv[2], "heatmap") == 0)
            return Cli::runHeatmapExportCommand(QCoreApplication::arguments());
        return Cli::runExportCommand(QCoreApplication::arguments());
    }
    if (needsNoWindow(argc, argv)) {
        QCoreApplication app(argc, argv);
        setApplicationNames();
        if (argc > 1 && std::strcmp(argv[1], "snapshot") == 0)
            return Cli::runSnapshotCommand(QCoreApplication::arguments());
        QCommandLineParser parser;
        describeOptions(parser);
        parser.process(app); // prints help or version and exits, or reports an unknown option
        std::fprintf(stderr, "specula: unknown command '%s' (try --help)\n",
                     qUtf8Printable(parser.positionalArguments().value(0)));
        return 2;
    }

    QApplication app(argc, argv);
    setApplicationNames();
    QApplication::setApplicationDisplayName(QStringLiteral("Specula"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/specula.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.specula.Specula"));
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("specula"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QCommandLineParser parser;
    describeOptions(parser);
    parser.process(app);
    const auto connection = Cli::ConnectionOptions::from(parser);
    if (!connection) {
        std::fprintf(stderr, "specula: %s\n", qUtf8Printable(connection.error().toString()));
        return 2;
    }
    const auto prometheus = Cli::PrometheusOptions::from(parser, connection.value());
    if (!prometheus) {
        std::fprintf(stderr, "specula: %s\n", qUtf8Printable(prometheus.error().toString()));
        return 2;
    }

    App::MainWindow window;
    App::AppController controller(&window);
    window.show();
    controller.start(connection.value(), prometheus.value());
    return app.exec();
}
