// SPDX-License-Identifier: GPL-3.0-or-later
#include "../sim/simtesthelpers.h"
#include "model/vfallocationpainter.h"
#include "sim/simserver.h"
#include "speculaprocess.h"

#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

using namespace Specula;
using CliTest::Run;
using CliTest::runSpecula;
using Segment = Model::VfAllocationPainter::Segment;

namespace {

// allocated, free, not created, total, PFs without totalVfs: one CSV row's numbers.
using Numbers = QList<int>;

// What the sriov blocks of `specula snapshot` say, summed per node or per pool: a PF with VFs or
// a totalVfs is SR-IOV capable; VFs with a pod are allocated, the others free; totalVfs beyond the
// VFs that exist (numVfs, or the listed VFs when there are more) were not created.
QMap<QString, Numbers> fromSnapshot(const QJsonObject &snapshot, bool byPool)
{
    QMap<QString, Numbers> groups;
    for (const auto &nodeValue : snapshot.value(u"nodes").toArray()) {
        const QJsonObject node = nodeValue.toObject();
        for (const auto &pfValue : node.value(u"sriov").toObject().value(u"pfs").toArray()) {
            const QJsonObject pf = pfValue.toObject();
            const QJsonArray vfs = pf.value(u"vfs").toArray();
            const int numVfs = pf.value(u"numVfs").toInt();
            const bool totalKnown = !pf.value(u"totalVfs").isNull();
            if (numVfs == 0 && pf.value(u"totalVfs").toInt() == 0)
                continue;
            const int created = std::max(numVfs, int(vfs.size()));
            int allocated = 0;
            for (const auto &vf : vfs)
                allocated += vf.toObject().value(u"pod").isObject() ? 1 : 0;
            const int notCreated = totalKnown ? std::max(0, pf.value(u"totalVfs").toInt() - created) : 0;
            const QString pool = pf.value(u"resource").isNull() ? u"(no pool)"_qs : pf.value(u"resource").toString();
            Numbers &sum = groups[byPool ? pool : node.value(u"name").toString()];
            sum.resize(5);
            sum[0] += allocated;
            sum[1] += created - allocated;
            sum[2] += notCreated;
            sum[3] += created + notCreated;
            sum[4] += totalKnown ? 0 : 1;
        }
    }
    return groups;
}

QMap<QString, Numbers> fromCsv(const QByteArray &csv, QString *header)
{
    QMap<QString, Numbers> rows;
    QStringList lines = QString::fromUtf8(csv).split(u"\r\n"_qs);
    if (lines.isEmpty() || !lines.last().isEmpty())
        return {}; // every line, the last too, ends in CRLF
    lines.removeLast();
    *header = lines.takeFirst();
    for (const QString &line : std::as_const(lines)) {
        const QStringList fields = line.split(u',');
        Numbers numbers;
        for (const QString &field : fields.mid(1))
            numbers.append(field.toInt());
        rows.insert(fields.first(), numbers);
    }
    return rows;
}

} // namespace

class TestVfExportCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = SimTest::start(u"builtin:demo"_qs); // stands still, so both commands see the same cluster
        QString error;
        QVERIFY2(m_server->writeKubeconfig(kubeconfig(), Sim::SimServer::KubeconfigAuth::ClientCertificate, &error),
                 qPrintable(error));
        const Run run
            = runSpecula({ u"snapshot"_qs, u"--kubeconfig"_qs, kubeconfig(), u"--prometheus"_qs, u"none"_qs });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        m_snapshot = QJsonDocument::fromJson(run.out).object();
        QVERIFY(!m_snapshot.isEmpty());
    }

    void csvAgreesWithTheSnapshot_data()
    {
        QTest::addColumn<QString>("by");
        QTest::addColumn<QString>("header");
        QTest::addRow("node") << u"node"_qs << u"Node,Allocated,Free,Not created,Total,PFs without totalVfs"_qs;
        QTest::addRow("pool") << u"pool"_qs << u"Pool,Allocated,Free,Not created,Total,PFs without totalVfs"_qs;
    }
    void csvAgreesWithTheSnapshot()
    {
        QFETCH(QString, by);
        QFETCH(QString, header);
        const QString output = m_dir.filePath(by + u".csv"_qs);
        const Run run = runSpecula(
            { u"export"_qs, u"vf"_qs, u"--kubeconfig"_qs, kubeconfig(), u"--by"_qs, by, u"-o"_qs, output });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QFile file(output);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString actualHeader;
        const QMap<QString, Numbers> actual = fromCsv(file.readAll(), &actualHeader);
        QCOMPARE(actualHeader, header);
        const QMap<QString, Numbers> expected = fromSnapshot(m_snapshot, by == u"pool"_qs);
        // The demo has SR-IOV worth a graph: several pools, VFs held and free, VFs not created.
        QVERIFY(!expected.isEmpty());
        if (by == u"pool"_qs)
            QVERIFY(expected.size() >= 2);
        QCOMPARE(actual, expected);
        int allocated = 0;
        int notCreated = 0;
        for (const Numbers &numbers : expected) {
            allocated += numbers[0];
            notCreated += numbers[2];
        }
        QVERIFY(allocated > 0);
        QVERIFY(notCreated > 0);
    }

    void pngIsTheGraph()
    {
        const QString output = m_dir.filePath(u"pools.png"_qs);
        const Run run = runSpecula(
            { u"export"_qs, u"vf"_qs, u"--kubeconfig"_qs, kubeconfig(), u"--by"_qs, u"pool"_qs, u"-o"_qs, output });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QImage image(output);
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), 1000);
        // A legend and one bar per pool, each segment in the page's colours.
        QMap<QRgb, int> pixels;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                ++pixels[image.pixel(x, y)];
        }
        const QPalette palette = QGuiApplication::palette();
        for (auto segment : { Segment::Allocated, Segment::Free, Segment::NotCreated })
            QVERIFY(pixels.value(Model::VfAllocationPainter::colour(segment, palette).rgb()) > 100);
        const int pools = int(fromSnapshot(m_snapshot, true).size());
        QVERIFY(image.height() > pools * QFontMetrics(QGuiApplication::font()).height());
    }

    void mistakes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderrContains");
        QTest::addRow("no output") << QStringList() << 2 << u"-o FILE.png or -o FILE.csv is required"_qs;
        QTest::addRow("bad grouping") << QStringList { u"--by"_qs, u"rack"_qs, u"-o"_qs, u"x.csv"_qs } << 2
                                      << u"--by 'rack': say node or pool"_qs;
        QTest::addRow("bad extension") << QStringList { u"-o"_qs, u"x.pdf"_qs } << 2
                                       << u"x.pdf: the VF allocation exports as .png or .csv"_qs;
        QTest::addRow("extra argument") << QStringList { u"node-a"_qs, u"-o"_qs, u"x.csv"_qs } << 2
                                        << u"unexpected argument 'node-a'"_qs;
        QTest::addRow("unwritable") << QStringList { u"-o"_qs, u"/nonexistent/dir/x.csv"_qs } << 1
                                    << u"/nonexistent/dir/x.csv: cannot write the CSV"_qs;
    }
    void mistakes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, stderrContains);
        const Run run
            = runSpecula(QStringList { u"export"_qs, u"vf"_qs, u"--kubeconfig"_qs, kubeconfig() } + arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(run.err).contains(u"specula export: "_qs + stderrContains), run.err.constData());
    }

private:
    QString kubeconfig() const { return m_dir.filePath(u"sim.yaml"_qs); }

    QTemporaryDir m_dir;
    std::unique_ptr<Sim::SimServer> m_server;
    QJsonObject m_snapshot;
};

QTEST_MAIN(TestVfExportCommand)
#include "tst_vfexportcommand.moc"
