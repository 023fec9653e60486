// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>
class TestExecCredential : public QObject
{
    Q_OBJECT
};
QTEST_GUILESS_MAIN(TestExecCredential)
#include "tst_execcredential.moc"
