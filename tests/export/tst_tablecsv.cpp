// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/imagefile.h"
#include "export/tablecsv.h"

#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

using namespace Specula;

namespace {

// Two columns of awkward text and a number column whose display differs from its raw value.
std::unique_ptr<QStandardItemModel> sample()
{
    auto model = std::make_unique<QStandardItemModel>(0, 3);
    model->setHorizontalHeaderLabels({ u"Pod"_qs, u"Message, full"_qs, u"Util"_qs });
    const auto row = [&](const QString &pod, const QString &message, const QString &util) {
        model->appendRow({ new QStandardItem(pod), new QStandardItem(message), new QStandardItem(util) });
    };
    row(u"b-pod"_qs, u"0/3 nodes are available: 3 Insufficient nvidia.com/gpu."_qs, u"2.5 %"_qs);
    row(u"a-pod"_qs, u"said \"no\"\nthen, again"_qs, u"—"_qs);
    return model;
}

} // namespace

class TestTableCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesHeaderAndDisplayedTextAsRfc4180()
    {
        const auto model = sample();
        const QByteArray expected = "Pod,\"Message, full\",Util\r\n"
                                    "b-pod,0/3 nodes are available: 3 Insufficient nvidia.com/gpu.,2.5 %\r\n"
                                    "a-pod,\"said \"\"no\"\"\nthen, again\",\xe2\x80\x94\r\n";
        QCOMPARE(Export::TableCsv::toCsv(*model), expected);
    }

    void picksColumnsInTheOrderGiven()
    {
        const auto model = sample();
        QCOMPARE(Export::TableCsv::toCsv(*model, { 2, 0 }),
                 QByteArray("Util,Pod\r\n2.5 %,b-pod\r\n\xe2\x80\x94,a-pod\r\n"));
    }

    void followsAProxysOrderAndFilter()
    {
        const auto model = sample();
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(model.get());
        proxy.sort(0);
        QCOMPARE(Export::TableCsv::toCsv(proxy, { 0 }), QByteArray("Pod\r\na-pod\r\nb-pod\r\n"));
        proxy.setFilterFixedString(u"b-"_qs);
        proxy.setFilterKeyColumn(0);
        QCOMPARE(Export::TableCsv::toCsv(proxy, { 0 }), QByteArray("Pod\r\nb-pod\r\n"));
    }

    void emptyModelGivesTheHeaderOnly()
    {
        QStandardItemModel model(0, 2);
        model.setHorizontalHeaderLabels({ u"A"_qs, u"B"_qs });
        QCOMPARE(Export::TableCsv::toCsv(model), QByteArray("A,B\r\n"));
    }

    void writesAFileAndReportsWhereItCannot()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto model = sample();
        const QString path = dir.filePath(u"table.csv"_qs);
        QVERIFY2(!Export::TableCsv::writeFile(path, *model), "export failed");
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), Export::TableCsv::toCsv(*model));

        const QString missing = dir.filePath(u"no/such/dir/table.csv"_qs);
        const auto error = Export::TableCsv::writeFile(missing, *model);
        QVERIFY(error);
        QCOMPARE(error->where, missing);
        QVERIFY2(error->message.startsWith(u"cannot write the CSV: "_qs), qPrintable(error->message));
    }

    void pngKeepsThePixelsAndTheirRatio()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QImage image(40, 20, QImage::Format_ARGB32_Premultiplied);
        image.fill(QColor(10, 120, 200));
        image.setPixelColor(3, 4, Qt::red);
        image.setDevicePixelRatio(2);
        const QString path = dir.filePath(u"page.png"_qs);
        QVERIFY2(!Export::ImageFile::writePng(path, image), "export failed");
        QImage read(path);
        QCOMPARE(read.size(), QSize(40, 20));
        QCOMPARE(read.pixelColor(3, 4), QColor(Qt::red));
        QCOMPARE(read.pixelColor(10, 10), QColor(10, 120, 200));
        QCOMPARE(read.dotsPerMeterX(), 7559); // 192 dpi: twice the 96 dpi of a ratio of 1

        QVERIFY(Export::ImageFile::writePng(dir.filePath(u"blank.png"_qs), QImage()));
        QVERIFY(Export::ImageFile::writePng(dir.filePath(u"no/such/dir/page.png"_qs), image));
    }
};

QTEST_GUILESS_MAIN(TestTableCsv)
#include "tst_tablecsv.moc"
