// float_money: money kept in integer cents and shown with %.2f, where doubles are only used to
// apply rates: an invoice with tax rounded half away from zero per line, why summing 0.10 as a
// double goes wrong, compound interest month by month, and a loan amortization table (the last
// payment absorbs the rounding), with width, '-' and '+' flags.
#include <stdio.h>

struct item {
  const char *name;
  long long cents;
  int quantity;
  double tax_rate;
};

static long long round_cents(double amount) {
  return (long long)(amount < 0 ? amount - 0.5 : amount + 0.5);
}

static double as_money(long long cents) { return cents / 100.0; }

int main(void) {
  static const struct item items[] = {
      {"coffee", 349, 3, 0.055}, {"laptop", 129999, 1, 0.2},  {"pencil", 15, 12, 0.2},
      {"refund", -2500, 1, 0.2}, {"book", 1995, 2, 0.055},
  };
  long long net = 0, tax = 0;
  printf("%-8s %4s %10s %9s %11s\n", "item", "qty", "price", "tax", "total");
  for (int i = 0; i < 5; i++) {
    const struct item *it = &items[i];
    long long line = it->cents * it->quantity;
    long long t = round_cents(line * it->tax_rate);
    net += line;
    tax += t;
    printf("%-8s %4d %10.2f %9.2f %11.2f\n", it->name, it->quantity, as_money(it->cents),
           as_money(t), as_money(line + t));
  }
  printf("%-8s %4s %10.2f %9.2f %11.2f\n", "total", "", as_money(net), as_money(tax),
         as_money(net + tax));

  double dimes = 0;
  for (int i = 0; i < 30; i++) dimes += 0.10;
  printf("thirty dimes as double: %.2f but %.17g; == 3.00: %d\n", dimes, dimes, dimes == 3.0);

  long long balance = 100000;  // 1000.00 at 4.5% a year, compounded monthly, rounded each month
  double exact = 1000.0;
  for (int month = 1; month <= 12; month++) {
    balance += round_cents(balance * (0.045 / 12));
    exact *= 1 + 0.045 / 12;
    if (month % 4 == 0) printf("month %2d: %+10.2f (unrounded %.6f)\n", month, as_money(balance), exact);
  }

  // 5,000.00 over 6 months at 12% a year: payment = P r / (1 - (1 + r)^-n).
  double r = 0.01, grow = 1;
  for (int i = 0; i < 6; i++) grow *= 1 + r;
  long long principal = 500000, payment = round_cents(principal * r * grow / (grow - 1));
  printf("payment %.2f\n%-5s %10s %10s %10s\n", as_money(payment), "month", "interest", "principal",
         "balance");
  for (int month = 1; principal > 0; month++) {
    long long interest = round_cents(principal * r);
    long long pay = month == 6 ? principal + interest : payment;
    principal -= pay - interest;
    printf("%-5d %10.2f %10.2f %10.2f\n", month, as_money(interest), as_money(pay - interest),
           as_money(principal));
  }
  printf("%.2f %.2f %.2f %.2f %.1f %.0f %.0f\n", 0.125, 0.375, 2.675, -1.005, 0.25, 2.5, 3.5);
  return 0;
}
