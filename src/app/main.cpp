// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/appcontroller.h"
#include "app/mainwindow.h"
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

} // namespace

int main(int argc, char *argv[])
{
    // Commands are headless: no display is needed or touched.
    if (argc > 1 && std::strcmp(argv[1], "snapshot") == 0) {
        QCoreApplication app(argc, argv);
        setApplicationNames();
        return Cli::runSnapshotCommand(QCoreApplication::arguments());
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
    parser.setApplicationDescription(QStringLiteral(
        "See what the GPUs, MIG slices and SR-IOV VFs of a Kubernetes cluster are doing.\n\n"
        "Commands:\n  snapshot   print the cluster's specialized resources as JSON (specula snapshot --help)"));
    parser.addHelpOption();
    parser.addVersionOption();
    Cli::ConnectionOptions::addTo(parser);
    parser.process(app);
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "specula: unknown command '%s' (try --help)\n",
                     qUtf8Printable(parser.positionalArguments().constFirst()));
        return 2;
    }

    App::MainWindow window;
    App::AppController controller(&window);
    window.show();
    controller.start(Cli::ConnectionOptions::from(parser));
    return app.exec();
}
