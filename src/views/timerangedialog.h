// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QDialog>

class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;

namespace Specula::Views {

// Picks a fixed interval; OK stays disabled, with the reason shown, until the end is after the
// start.
class TimeRangeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimeRangeDialog)

public:
    TimeRangeDialog(const std::pair<QDateTime, QDateTime> &initial, QWidget *parent = nullptr);
    ~TimeRangeDialog() override;

    QDateTime start() const;
    QDateTime end() const;

private:
    void validate();

    QDateTimeEdit *m_start;
    QDateTimeEdit *m_end;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace Specula::Views
