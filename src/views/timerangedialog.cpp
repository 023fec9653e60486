// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/timerangedialog.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>

namespace Specula::Views {

TimeRangeDialog::TimeRangeDialog(const std::pair<QDateTime, QDateTime> &initial, QWidget *parent)
    : QDialog(parent)
    , m_start(new QDateTimeEdit(initial.first, this))
    , m_end(new QDateTimeEdit(initial.second, this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Custom time range"));
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm:ss");
    for (QDateTimeEdit *edit : { m_start, m_end }) {
        edit->setDisplayFormat(format);
        edit->setCalendarPopup(true);
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &TimeRangeDialog::validate);
    }
    m_start->setObjectName(QStringLiteral("rangeStart"));
    m_end->setObjectName(QStringLiteral("rangeEnd"));
    m_problem->setObjectName(QStringLiteral("rangeProblem"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("From:"), m_start);
    form->addRow(tr("To:"), m_end);
    form->addRow(m_problem);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

TimeRangeDialog::~TimeRangeDialog() = default;

QDateTime TimeRangeDialog::start() const
{
    return m_start->dateTime();
}

QDateTime TimeRangeDialog::end() const
{
    return m_end->dateTime();
}

void TimeRangeDialog::validate()
{
    const bool valid = m_end->dateTime() > m_start->dateTime();
    m_problem->setText(valid ? QString() : tr("The end must be after the start."));
    m_problem->setVisible(!valid);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
}

} // namespace Specula::Views
