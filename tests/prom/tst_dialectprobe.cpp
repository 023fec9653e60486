// SPDX-License-Identifier: GPL-3.0-or-later
// DialectProbe against a real Prometheus, once per dialect: each run backfills a fresh Prometheus
// with one dialect's history (catalogueworld.h) and the probe must find what detect() finds on
// the very label sets that were written, through label/__name__/values, labels?match[] and the
// Hostname values. Also: an unrelated Prometheus, and one that is not there.
#include "catalogueworld.h"
#include "prom/dialectprobe.h"
#include "prom/promclient.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Specula;
using namespace Specula::Prom;
using namespace Specula::Test;

class TestDialectProbe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<Dialect>();
        qRegisterMetaType<Core::Error>();
    }

    void probe_data()
    {
        QTest::addColumn<QString>("row");
        QTest::addRow("hostname-is-pod-legacy-kepler") << u"hostname-is-pod-legacy-kepler"_qs;
        QTest::addRow("lower-hostname-exported-pod") << u"lower-hostname-exported-pod"_qs;
        QTest::addRow("old-namespace-no-node") << u"old-namespace-no-node"_qs;
    }

    void probe()
    {
        QFETCH(QString, row);
        Row chosen;
        for (const Row &candidate : rows()) {
            if (candidate.name == row)
                chosen = candidate;
        }
        QCOMPARE(chosen.name, row);
        const Slot slot = buildSlot(chosen, QDateTime::currentSecsSinceEpoch() / step * step - 60);
        PromServerFixture server;
        const QString error = server.start(slot.points);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        QNetworkAccessManager nam;
        PromClient client(&nam, PromEndpoint::direct(server.url()));
        DialectProbe probe(&client, nodeNames());
        QSignalSpy finished(&probe, &DialectProbe::finished);
        QSignalSpy failed(&probe, &DialectProbe::failed);
        probe.start();
        QVERIFY(probe.isRunning());
        probe.start(); // ignored while running
        QVERIFY(finished.wait(15000));
        QCOMPARE(failed.count(), 0);
        QVERIFY(!probe.isRunning());
        QTest::qWait(100); // nothing more arrives
        QCOMPARE(finished.count(), 1);

        const Dialect found = finished.first().first().value<Dialect>();
        QCOMPARE(found.describe(), slot.detected.describe());
        QCOMPARE(found.families, slot.detected.families);
        QVERIFY(found == slot.detected);
        // And what the row was written in, spelt out.
        QCOMPARE(found.dcgm, chosen.dcgm);
        QCOMPARE(found.hostnameIsPod, chosen.hostnameIsPod);
        QCOMPARE(found.kepler, chosen.kepler);
        QCOMPARE(found.uuidLabel, chosen.lowerUuid ? u"uuid"_qs : u"UUID"_qs);
        QCOMPARE(found.sriovPodDevice, chosen.podDevice);
    }

    void unrelatedPrometheus()
    {
        const qint64 now = QDateTime::currentSecsSinceEpoch() / step * step;
        QList<PromPoint> points;
        for (qint64 t = now - 300; t <= now; t += step)
            points << PromPoint { u"node_cpu_seconds_total"_qs, { { u"cpu"_qs, u"0"_qs } }, u"1"_qs, t };
        PromServerFixture server;
        const QString error = server.start(points);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QNetworkAccessManager nam;
        PromClient client(&nam, PromEndpoint::direct(server.url()));
        DialectProbe probe(&client, nodeNames());
        QSignalSpy finished(&probe, &DialectProbe::finished);
        probe.start();
        QVERIFY(finished.wait(15000));
        const Dialect found = finished.first().first().value<Dialect>();
        QVERIFY(found == Dialect());
        QCOMPARE(found.describe(), u"no known exporter"_qs);
        QVERIFY(!MetricCatalogue(found).supports(Metric::GpuUtil));
    }

    void noPrometheus()
    {
        const quint16 port = freeLoopbackPort();
        QVERIFY(port != 0);
        QNetworkAccessManager nam;
        PromClient client(&nam, PromEndpoint::direct(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))));
        DialectProbe probe(&client, nodeNames());
        QSignalSpy finished(&probe, &DialectProbe::finished);
        QSignalSpy failed(&probe, &DialectProbe::failed);
        probe.start();
        QVERIFY(failed.wait(15000));
        QTest::qWait(100);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(finished.count(), 0);
        const Core::Error error = failed.first().first().value<Core::Error>();
        QCOMPARE(error.kind, Core::Error::Kind::Network);
        QVERIFY2(error.where.contains(QString::number(port)), qPrintable(error.toString()));
        QVERIFY(!probe.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestDialectProbe)
#include "tst_dialectprobe.moc"
