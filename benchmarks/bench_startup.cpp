// SPDX-License-Identifier: GPL-3.0-or-later
// Cold start to an interactive window, as `specula` starts before it connects: the application,
// the main window with every page and toolbar, the controller with its saved profiles, shown,
// exposed and with its event queue drained. Prints the time since the process started and the
// resident memory at that moment, then exits. benchmarks/startup.sh runs it repeatedly.
#include "app/appcontroller.h"
#include "app/mainwindow.h"

#include <QApplication>
#include <QFile>
#include <QTimer>
#include <QWindow>
#include <cstdio>
#include <unistd.h>

using namespace Specula;

namespace {

// Linux: what /proc says about this process (a benchmark, not product code).
double residentMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

// Milliseconds since the kernel started this process.
double millisecondsSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile uptime(QStringLiteral("/proc/uptime"));
    if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray statLine = stat.readAll();
    // Fields after the command name (which may hold spaces) start at the last ')'.
    const QList<QByteArray> fields = statLine.mid(statLine.lastIndexOf(')') + 2).split(' ');
    const double startTicks = fields.value(19).toDouble(); // field 22 of the whole line
    const double uptimeSeconds = uptime.readAll().split(' ').value(0).toDouble();
    return (uptimeSeconds - startTicks / double(sysconf(_SC_CLK_TCK))) * 1000.0;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Specula"));
    QCoreApplication::setApplicationName(QStringLiteral("specula"));
    App::MainWindow window;
    App::AppController controller(&window);
    window.show();
    // Polled from the event loop: once the window is exposed and the queue holds nothing older,
    // the window answers input.
    QTimer poll;
    poll.setInterval(0);
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        if (!window.windowHandle() || !window.windowHandle()->isExposed())
            return;
        poll.stop();
        std::printf("interactive_ms %.1f\nrss_mib %.1f\n", millisecondsSinceProcessStart(), residentMiB());
        QCoreApplication::quit();
    });
    poll.start();
    return app.exec();
}
