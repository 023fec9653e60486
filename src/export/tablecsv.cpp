// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/tablecsv.h"

#include <QAbstractItemModel>
#include <QStringList>

namespace Specula::Export {

QString TableCsv::field(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n'))
        && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString TableCsv::write(const QAbstractItemModel &model)
{
    const int columns = model.columnCount();
    QString out;
    QStringList fields;
    auto endLine = [&] {
        out += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
        fields.clear();
    };
    for (int column = 0; column < columns; ++column)
        fields.append(field(model.headerData(column, Qt::Horizontal, Qt::DisplayRole).toString()));
    endLine();
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < columns; ++column)
            fields.append(field(model.index(row, column).data(Qt::DisplayRole).toString()));
        endLine();
    }
    return out;
}

} // namespace Specula::Export
